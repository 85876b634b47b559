package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.resources.ComputeDesired;
import org.researchclouds.operator.resources.Names;

/**
 * Platform: configure and manage compute so that no project starves the others. Every project
 * namespace has the operator's quota and container defaults, and the API server's quota controller
 * has counted the namespace against the quota: only then is the quota enforced.
 */
public final class ComputeManagementControl implements Control {
  @Override
  public String id() {
    return "platform/compute-management";
  }

  @Override
  public Owner owner() {
    return Owner.Platform;
  }

  @Override
  public Finding evaluate(Observation observation) {
    List<Finding> gaps = new ArrayList<>(observation.missingNamespaces());
    List<String> uncounted = new ArrayList<>();
    List<String> usage = new ArrayList<>();
    Map<String, Quantity> wanted =
        ComputeDesired.quota(observation.project(), observation.baseline()).hard();
    for (String namespace : observation.presentNamespaces()) {
      Optional<ResourceQuota> quota =
          named(observation.workloads().quotas(), namespace, Names.COMPUTE_QUOTA);
      Optional<LimitRange> defaults =
          named(observation.workloads().limitRanges(), namespace, Names.CONTAINER_DEFAULTS);
      List<String> taken =
          Stream.of(quota, defaults)
              .flatMap(Optional::stream)
              .filter(o -> !Names.operatorManaged(o))
              .map(o -> o.getKind() + " " + namespace + "/" + o.getMetadata().getName())
              .toList();
      if (!taken.isEmpty()) {
        gaps.add(
            Finding.notMet(
                "ComputeNameTaken",
                String.join(" and ", taken)
                    + " was not written by the operator, which leaves it alone; the platform team"
                    + " renames or removes it."));
        continue;
      }
      // Quantity compares amounts, as the API server writes 1024Mi back as 1Gi.
      if (quota.isEmpty() || !wanted.equals(quota.get().getSpec().getHard())) {
        gaps.add(
            Finding.notMet(
                "QuotaNotInPlace",
                "ResourceQuota "
                    + namespace
                    + "/"
                    + Names.COMPUTE_QUOTA
                    + " is missing or differs from the baseline's; the operator restores it."));
        continue;
      }
      if (defaults.isEmpty()) {
        gaps.add(
            Finding.notMet(
                "ContainerDefaultsMissing",
                "LimitRange "
                    + namespace
                    + "/"
                    + Names.CONTAINER_DEFAULTS
                    + " is missing; the operator restores it."));
        continue;
      }
      var status = quota.get().getStatus();
      if (status == null || status.getHard() == null || status.getHard().isEmpty()) {
        uncounted.add(namespace);
      } else {
        usage.add(namespace + ": " + usage(status.getUsed(), status.getHard()));
      }
    }
    if (gaps.isEmpty() && !uncounted.isEmpty()) {
      return Finding.unknown(
          "QuotaNotCounted",
          "No quota controller has counted "
              + String.join(", ", uncounted)
              + " against its ResourceQuota yet, so the operator cannot tell that the quota is"
              + " enforced; on a real cluster the API server's controller manager does so within"
              + " seconds.");
    }
    return Finding.fromGaps(
        gaps,
        Finding.met(
            "ComputeManaged",
            "Quota and container defaults in place; used of hard: "
                + String.join("; ", usage)
                + "."));
  }

  /** Such as {@code requests.cpu 2/16, requests.memory 4Gi/64Gi} */
  private static String usage(Map<String, Quantity> used, Map<String, Quantity> hard) {
    Map<String, Quantity> counted = Objects.requireNonNullElse(used, Map.of());
    return String.join(
        ", ",
        hard.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    e.getKey()
                        + " "
                        + Objects.toString(counted.get(e.getKey()), "0")
                        + "/"
                        + e.getValue())
            .toList());
  }

  private static <R extends HasMetadata> Optional<R> named(
      List<R> objects, String namespace, String name) {
    return objects.stream()
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst();
  }
}
