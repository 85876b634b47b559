package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.researchclouds.operator.api.DataClassification;
import org.researchclouds.operator.api.EncryptionPolicy;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.network.HostPattern;

/**
 * Tenant: encrypt sensitive data in transit and at rest. For the classifications the baseline
 * names, every host an Ingress routes has TLS, no LoadBalancer port carries plain traffic, and
 * every volume claim uses a StorageClass the platform lists as encrypted at rest.
 */
public final class EncryptionControl implements Control {
  private static final Set<String> TLS_PROTOCOLS = Set.of("https", "tls");

  @Override
  public String id() {
    return "tenant/encryption";
  }

  @Override
  public Owner owner() {
    return Owner.Tenant;
  }

  @Override
  public Finding evaluate(Observation observation) {
    EncryptionPolicy policy = observation.baseline().getSpec().encryptionOrDefault();
    DataClassification classification = observation.project().getSpec().dataClassification();
    if (!policy.requiredFor(classification)) {
      return Finding.met(
          "NotRequired",
          "The baseline does not require encryption for "
              + classification.value()
              + " data; it is still advised.");
    }
    List<Finding> gaps = new ArrayList<>();
    int hosts = 0;
    for (Ingress ingress : observation.ingresses()) {
      for (String host : HostPattern.routedBy(ingress)) {
        hosts++;
        if (!hasTls(ingress, host)) {
          gaps.add(
              Finding.notMet(
                  "IngressWithoutTls",
                  "Ingress "
                      + name(ingress.getMetadata().getNamespace(), ingress.getMetadata().getName())
                      + " serves "
                      + host
                      + " without TLS; add it to spec.tls with a certificate."));
        }
      }
    }
    for (Service service : observation.services()) {
      if (!"LoadBalancer".equals(service.getSpec().getType())) {
        continue;
      }
      for (ServicePort port : service.getSpec().getPorts()) {
        if (!carriesTls(port, policy)) {
          gaps.add(
              Finding.notMet(
                  "PlainLoadBalancerPort",
                  "Service "
                      + name(service.getMetadata().getNamespace(), service.getMetadata().getName())
                      + " exposes port "
                      + port.getPort()
                      + " on a LoadBalancer without TLS; serve TLS there (appProtocol https or"
                      + " tls, or a port the baseline lists in encryption.tlsPorts)."));
        }
      }
    }
    List<String> encrypted = policy.encryptedStorageClassesOrEmpty();
    List<String> unencrypted = new ArrayList<>();
    for (PersistentVolumeClaim claim : observation.workloads().volumeClaims()) {
      Optional<String> storageClass = storageClassOf(claim, observation.platform());
      if (storageClass.isEmpty() || !encrypted.contains(storageClass.get())) {
        unencrypted.add(
            "PersistentVolumeClaim "
                + name(claim.getMetadata().getNamespace(), claim.getMetadata().getName())
                + storageClass
                    .map(c -> " uses StorageClass " + c)
                    .orElse(" names no StorageClass"));
      }
    }
    if (!unencrypted.isEmpty()) {
      if (encrypted.isEmpty() && gaps.isEmpty()) {
        return Finding.unknown(
            "NoEncryptedStorageClass",
            String.join("; ", unencrypted)
                + ", and the baseline lists no StorageClass as encrypted at rest; the platform"
                + " team lists them in spec.encryption.encryptedStorageClasses.");
      }
      gaps.add(
          Finding.notMet(
              "UnencryptedVolume",
              String.join("; ", unencrypted)
                  + ", which the baseline does not list as encrypted at rest; move the data to "
                  + (encrypted.isEmpty() ? "an encrypted class" : String.join(" or ", encrypted))
                  + "."));
    }
    return Finding.fromGaps(
        gaps,
        Finding.met(
            "Encrypted",
            hosts
                + " Ingress host(s) declare TLS, every LoadBalancer port is a TLS port, and "
                + observation.workloads().volumeClaims().size()
                + " volume claim(s) use StorageClasses the platform lists as encrypted at"
                + " rest."));
  }

  /** The host has TLS when a TLS entry names it, or, for a rule without host, has no hosts. */
  private static boolean hasTls(Ingress ingress, String host) {
    List<IngressTLS> tls =
        ingress.getSpec().getTls() == null ? List.of() : ingress.getSpec().getTls();
    return tls.stream()
        .anyMatch(
            entry -> {
              List<String> names = entry.getHosts() == null ? List.of() : entry.getHosts();
              return HostPattern.ANY_HOST.equals(host)
                  ? names.isEmpty()
                  : names.stream().anyMatch(name -> HostPattern.covers(name, host));
            });
  }

  private static boolean carriesTls(ServicePort port, EncryptionPolicy policy) {
    String protocol = port.getAppProtocol();
    return (protocol != null && TLS_PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT)))
        || policy.tlsPortsOrDefault().contains(port.getPort());
  }

  /** The class a claim names, or the cluster's default for one that names none. */
  private static Optional<String> storageClassOf(
      PersistentVolumeClaim claim, PlatformFacts platform) {
    String named = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
    if (named == null) {
      return platform.defaultStorageClass();
    }
    return named.isEmpty() ? Optional.empty() : Optional.of(named);
  }

  private static String name(String namespace, String name) {
    return namespace + "/" + name;
  }
}
