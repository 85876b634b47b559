package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeItemBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.util.Map;
import org.researchclouds.operator.api.ComputePolicy;
import org.researchclouds.operator.api.ComputeQuota;
import org.researchclouds.operator.api.ContainerDefaults;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/**
 * The compute of one project namespace: a ResourceQuota with the classification's quota, raised by
 * what the project asks for, and a LimitRange that gives every container requests and a memory
 * limit, so that each pod counts against the quota and none is refused for declaring nothing.
 */
public final class ComputeDesired {
  private ComputeDesired() {}

  /** The quota of each namespace of the project. */
  public static ComputeQuota quota(ResearchProject project, SecurityBaseline baseline) {
    ComputePolicy policy = baseline.getSpec().computeFor(project.getSpec().dataClassification());
    return project.getSpec().quotaOver(policy.quota());
  }

  public static ResourceQuota resourceQuota(
      ResearchProject project, String namespace, SecurityBaseline baseline) {
    return new ResourceQuotaBuilder()
        .withNewMetadata()
        .withName(Names.COMPUTE_QUOTA)
        .withNamespace(namespace)
        .withLabels(Names.managedLabels(project))
        .withOwnerReferences(OwnerReferences.of(project))
        .endMetadata()
        .withNewSpec()
        .withHard(quota(project, baseline).hard())
        .endSpec()
        .build();
  }

  public static LimitRange limitRange(
      ResearchProject project, String namespace, SecurityBaseline baseline) {
    ContainerDefaults defaults =
        baseline.getSpec().computeFor(project.getSpec().dataClassification()).containerDefaults();
    return new LimitRangeBuilder()
        .withNewMetadata()
        .withName(Names.CONTAINER_DEFAULTS)
        .withNamespace(namespace)
        .withLabels(Names.managedLabels(project))
        .withOwnerReferences(OwnerReferences.of(project))
        .endMetadata()
        .withNewSpec()
        .withLimits(
            new LimitRangeItemBuilder()
                .withType("Container")
                .withDefaultRequest(
                    Map.of(
                        "cpu", new Quantity(defaults.cpuRequest()),
                        "memory", new Quantity(defaults.memoryRequest())))
                .withDefault(Map.of("memory", new Quantity(defaults.memoryLimit())))
                .build())
        .endSpec()
        .build();
  }
}
