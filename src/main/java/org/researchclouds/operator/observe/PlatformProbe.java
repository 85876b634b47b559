package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.researchclouds.operator.api.WorkloadReference;
import org.researchclouds.operator.controls.Finding;

/**
 * The platform facts that no informer holds: the API server's version and the workloads the
 * attestations name. Read once per resync interval, for all projects together, so that thousands of
 * reconciles cost the API server a handful of calls.
 */
final class PlatformProbe {
  /** What the probe read, when, and for which workloads. */
  record Reading(
      Instant at,
      List<WorkloadReference> asked,
      Optional<String> serverMinor,
      String serverVersionUnknown,
      Map<WorkloadReference, Finding> workloads) {}

  private final KubernetesClient client;
  private final Duration freshFor;
  private Reading last;

  PlatformProbe(KubernetesClient client, Duration freshFor) {
    this.client = client;
    this.freshFor = freshFor;
  }

  synchronized Reading read(List<WorkloadReference> workloads, Instant now) {
    if (last == null
        || !last.asked().equals(workloads)
        || !now.isBefore(last.at().plus(freshFor))) {
      last = probe(workloads, now);
    }
    return last;
  }

  private Reading probe(List<WorkloadReference> workloads, Instant now) {
    Optional<String> minor = Optional.empty();
    String unknown = "";
    try {
      minor = minorOf(client.getKubernetesVersion());
      if (minor.isEmpty()) {
        unknown = "the API server's /version names no readable release";
      }
    } catch (KubernetesClientException e) {
      unknown = "the API server's /version could not be read (HTTP " + e.getCode() + ")";
    }
    Map<WorkloadReference, Finding> health = new LinkedHashMap<>();
    workloads.forEach(reference -> health.put(reference, health(reference)));
    return new Reading(now, List.copyOf(workloads), minor, unknown, health);
  }

  /** 1.32 from major 1 and minor 32, or 32+ as some managed clusters write it. */
  static Optional<String> minorOf(VersionInfo version) {
    if (version == null || version.getMajor() == null || version.getMinor() == null) {
      return Optional.empty();
    }
    String major = version.getMajor().replaceAll("[^0-9]", "");
    String minor = version.getMinor().replaceAll("[^0-9]", "");
    return major.isEmpty() || minor.isEmpty()
        ? Optional.empty()
        : Optional.of(major + "." + Integer.parseInt(minor));
  }

  private Finding health(WorkloadReference reference) {
    try {
      return switch (reference.kind()) {
        case DaemonSet ->
            daemonSet(
                reference,
                client
                    .apps()
                    .daemonSets()
                    .inNamespace(reference.namespace())
                    .withName(reference.name())
                    .get());
        case Deployment ->
            deployment(
                reference,
                client
                    .apps()
                    .deployments()
                    .inNamespace(reference.namespace())
                    .withName(reference.name())
                    .get());
      };
    } catch (KubernetesClientException e) {
      return Finding.unknown(
          "WorkloadUnreadable",
          reference
              + " could not be read (HTTP "
              + e.getCode()
              + "); the operator needs get on it.");
    }
  }

  private static Finding daemonSet(WorkloadReference reference, DaemonSet daemonSet) {
    if (daemonSet == null) {
      return missing(reference);
    }
    int desired =
        count(
            daemonSet.getStatus() == null
                ? null
                : daemonSet.getStatus().getDesiredNumberScheduled());
    int ready =
        count(daemonSet.getStatus() == null ? null : daemonSet.getStatus().getNumberReady());
    return readiness(reference, ready, desired, "nodes");
  }

  private static Finding deployment(WorkloadReference reference, Deployment deployment) {
    if (deployment == null) {
      return missing(reference);
    }
    int desired =
        deployment.getSpec() == null
            ? 1
            : Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    int available =
        count(
            deployment.getStatus() == null ? null : deployment.getStatus().getAvailableReplicas());
    return readiness(reference, available, desired, "replicas");
  }

  private static Finding readiness(WorkloadReference reference, int ready, int desired, String of) {
    if (desired > 0 && ready >= desired) {
      return Finding.met("WorkloadReady", reference + " is ready on " + ready + " " + of + ".");
    }
    return Finding.notMet(
        "WorkloadNotReady",
        reference + " is ready on " + ready + " of " + desired + " " + of + ".");
  }

  private static Finding missing(WorkloadReference reference) {
    return Finding.notMet("WorkloadMissing", reference + " does not exist.");
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }
}
