package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListSet;

/** Which projects must encrypt their data in transit and at rest, and what counts as encrypted. */
public record EncryptionPolicy(
    @Size(max = 4)
        @ListSet
        @JsonPropertyDescription(
            "Classifications whose data must be encrypted (default sensitive and restricted).")
        List<DataClassification> requiredFor,
    @Size(max = 64)
        @ListSet
        @Items(maxLength = 253)
        @JsonPropertyDescription(
            "StorageClasses that encrypt volumes at rest. None listed: no volume counts as"
                + " encrypted.")
        List<String> encryptedStorageClasses,
    @Size(max = 16)
        @ListSet
        @JsonPropertyDescription(
            "Ports taken to carry TLS on a LoadBalancer Service (default 443, 6443, 8443), besides"
                + " ports whose appProtocol is https or tls.")
        List<Integer> tlsPorts) {

  private static final List<DataClassification> DEFAULT_REQUIRED_FOR =
      List.of(DataClassification.SENSITIVE, DataClassification.RESTRICTED);
  private static final List<Integer> DEFAULT_TLS_PORTS = List.of(443, 6443, 8443);

  public static EncryptionPolicy defaults() {
    return new EncryptionPolicy(null, null, null);
  }

  public boolean requiredFor(DataClassification classification) {
    return (requiredFor == null ? DEFAULT_REQUIRED_FOR : requiredFor).contains(classification);
  }

  public List<String> encryptedStorageClassesOrEmpty() {
    return encryptedStorageClasses == null ? List.of() : encryptedStorageClasses;
  }

  public List<Integer> tlsPortsOrDefault() {
    return tlsPorts == null ? DEFAULT_TLS_PORTS : tlsPorts;
  }
}
