package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The compute a classification's projects get in each namespace, and the most they may ask for. A
 * field left out keeps the classification's default.
 */
public record ComputePolicy(
    @Required @JsonPropertyDescription("The classification this policy applies to.")
        DataClassification classification,
    @JsonPropertyDescription("The quota of a project that asks for nothing.") ComputeQuota quota,
    @JsonPropertyDescription(
            "The most a project may ask for in spec.resources (default: the quota itself).")
        ComputeQuota ceiling,
    @JsonPropertyDescription("Requests and limits of a container that declares none.")
        ContainerDefaults containerDefaults) {

  /**
   * The defaults: 16 CPUs, 64Gi of memory, no GPU, 1Ti in 20 volumes, no NodePort; two
   * LoadBalancers for public and internal projects, none for the others, as their exposure limits.
   */
  public static ComputePolicy defaults(DataClassification classification) {
    boolean confidential =
        classification == DataClassification.SENSITIVE
            || classification == DataClassification.RESTRICTED;
    ComputeQuota quota = new ComputeQuota("16", "64Gi", "0", "1Ti", 20, confidential ? 0 : 2, 0);
    return new ComputePolicy(classification, quota, quota, ContainerDefaults.DEFAULTS);
  }

  /** This policy's fields over the defaults; a ceiling left out is the resulting quota. */
  public ComputePolicy over(ComputePolicy defaults) {
    ComputeQuota mergedQuota = quota == null ? defaults.quota : quota.over(defaults.quota);
    return new ComputePolicy(
        classification,
        mergedQuota,
        ceiling == null ? mergedQuota : ceiling.over(mergedQuota),
        containerDefaults == null
            ? defaults.containerDefaults
            : containerDefaults.over(defaults.containerDefaults));
  }
}
