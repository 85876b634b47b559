package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.ListSet;

/**
 * How far projects of one data classification may open themselves. A field left out takes the
 * classification's default: public and internal allow every source and Service type; sensitive and
 * restricted allow neither Internet sources nor NodePort or LoadBalancer, and restricted projects
 * reach no Internet address.
 */
public record ExposureLimit(
    @Required @JsonPropertyDescription("The classification these limits apply to.")
        DataClassification classification,
    @JsonPropertyDescription("Whether exposures may admit the platform's ingress controller.")
        Boolean ingressController,
    @JsonPropertyDescription("Whether exposures may admit other projects.") Boolean projects,
    @JsonPropertyDescription(
            "None, Private (no Internet address) or Any: the ranges exposures may admit.")
        CidrSources cidrSources,
    @Min(0)
        @Max(32)
        @JsonPropertyDescription("The shortest IPv4 prefix an exposure may admit, such as 16.")
        Integer minimumPrefixLength,
    @Min(0)
        @Max(128)
        @JsonPropertyDescription("The shortest IPv6 prefix an exposure may admit, such as 48.")
        Integer minimumIPv6PrefixLength,
    @Size(max = 3) @ListSet @JsonPropertyDescription("The Service types exposures may declare.")
        List<ServiceType> serviceTypes,
    @JsonPropertyDescription("Whether egress may reach Internet addresses, 0.0.0.0/0 included.")
        Boolean internetEgress) {

  /** The classification's limits, each field taken from this one where it is set. */
  public ExposureLimit over(ExposureLimit defaults) {
    return new ExposureLimit(
        classification,
        ingressController == null ? defaults.ingressController : ingressController,
        projects == null ? defaults.projects : projects,
        cidrSources == null ? defaults.cidrSources : cidrSources,
        minimumPrefixLength == null ? defaults.minimumPrefixLength : minimumPrefixLength,
        minimumIPv6PrefixLength == null
            ? defaults.minimumIPv6PrefixLength
            : minimumIPv6PrefixLength,
        serviceTypes == null ? defaults.serviceTypes : serviceTypes,
        internetEgress == null ? defaults.internetEgress : internetEgress);
  }

  public static ExposureLimit defaults(DataClassification classification) {
    boolean confidential =
        classification == DataClassification.SENSITIVE
            || classification == DataClassification.RESTRICTED;
    return new ExposureLimit(
        classification,
        true,
        true,
        confidential ? CidrSources.Private : CidrSources.Any,
        0,
        0,
        confidential ? List.of(ServiceType.ClusterIP) : List.of(ServiceType.values()),
        classification != DataClassification.RESTRICTED);
  }
}
