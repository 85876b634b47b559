package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.researchclouds.operator.api.NamespaceCompute;
import org.researchclouds.operator.controls.Observation;
import org.researchclouds.operator.resources.Names;

/**
 * The compute part of the status: each namespace's quota and use, as the quota controller counts.
 */
final class ComputeReport {
  private ComputeReport() {}

  static List<NamespaceCompute> of(Observation observation) {
    return observation.workloads().quotas().stream()
        .filter(quota -> Names.COMPUTE_QUOTA.equals(quota.getMetadata().getName()))
        .filter(quota -> Names.managedBy(quota, observation.project()))
        .filter(quota -> quota.getStatus() != null && quota.getStatus().getHard() != null)
        .map(ComputeReport::usage)
        .toList();
  }

  private static NamespaceCompute usage(ResourceQuota quota) {
    return new NamespaceCompute(
        quota.getMetadata().getNamespace(),
        text(quota.getStatus().getHard()),
        text(quota.getStatus().getUsed()));
  }

  private static Map<String, String> text(Map<String, Quantity> quantities) {
    Map<String, String> text = new TreeMap<>();
    Objects.requireNonNullElse(quantities, Map.<String, Quantity>of())
        .forEach((resource, amount) -> text.put(resource, amount.toString()));
    return text;
  }
}
