package org.researchclouds.operator.controls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.PatchingPolicy;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.timing.GoDuration;

/**
 * Tenant: apply updates and security patches on a timely basis. No container runs a mutable tag,
 * which would make a patch a matter of luck, and, where Trivy Operator reports, a fresh report
 * describes every image the project runs and no workload keeps a critical vulnerability, published
 * longer ago than the baseline's grace period, that has a fix. Without a scanner, or with reports
 * too old, unreadable or missing for an image, the operator cannot tell.
 */
public final class PatchingControl implements Control {
  private static final int NAMED = 5;

  @Override
  public String id() {
    return "tenant/patching";
  }

  @Override
  public Owner owner() {
    return Owner.Tenant;
  }

  @Override
  public Finding evaluate(Observation observation) {
    List<Finding> gaps = new ArrayList<>();
    List<String> mutable =
        observation.workloads().images().stream()
            .filter(
                workload ->
                    workload.images().stream()
                        .anyMatch(image -> ImageReference.parse(image).mutable()))
            .map(ContainerImages::toString)
            .toList();
    if (!mutable.isEmpty()) {
      gaps.add(
          Finding.notMet(
              "MutableImageTag",
              "Workloads on an untagged or :latest image: "
                  + named(mutable)
                  + ". Pin a version or a digest, so that a patch is a change you make and can"
                  + " see."));
    }
    PatchingPolicy policy = observation.baseline().getSpec().patchingOrDefault();
    ScannerState scanner = observation.workloads().scanner();
    Finding scan = scan(observation, scanner, policy);
    if (scan.state() == ResponsibilityState.NotMet) {
      gaps.add(scan);
    }
    return Finding.fromGaps(gaps, scan);
  }

  private static Finding scan(
      Observation observation, ScannerState scanner, PatchingPolicy policy) {
    if (!scanner.installed()) {
      return Finding.unknown(
          "ScannerNotInstalled",
          "No vulnerability scanner reports on the project: Trivy Operator's VulnerabilityReport"
              + " CRD is not installed. Images carry no mutable tag; the platform team installs"
              + " the scanner.");
    }
    if (observation.workloads().images().isEmpty()) {
      return Finding.met("NothingToPatch", "The project runs no workload.");
    }
    Duration grace = GoDuration.parse(policy.criticalGracePeriodOrDefault());
    VulnerabilityReports.Verdict verdict =
        VulnerabilityReports.judge(
            scanner.reports(),
            grace,
            GoDuration.parse(policy.scanIntervalOrDefault()),
            observation.now());
    if (!verdict.overdueByWorkload().isEmpty()) {
      List<String> worst =
          verdict.overdueByWorkload().entrySet().stream()
              .map(e -> e.getKey() + " (" + e.getValue() + ")")
              .toList();
      return Finding.notMet(
          "CriticalVulnerabilities",
          "Workloads with critical vulnerabilities published more than "
              + policy.criticalGracePeriodOrDefault()
              + " ago that have a fix, by count: "
              + named(worst)
              + ". Rebuild them on patched images.");
    }
    List<String> unscanned =
        observation.workloads().images().stream()
            .filter(
                workload ->
                    workload.images().stream()
                        .anyMatch(
                            image ->
                                !verdict.covers(
                                    ImageReference.parse(image),
                                    workload.runningDigests().getOrDefault(image, ""))))
            .map(ContainerImages::toString)
            .toList();
    if (!verdict.stale().isEmpty()) {
      return Finding.unknown(
          "StaleReports",
          "Reports older than the scan interval, "
              + policy.scanIntervalOrDefault()
              + ": "
              + named(verdict.stale())
              + ". The platform team checks that the scanner runs.");
    }
    if (!verdict.malformed().isEmpty()) {
      return Finding.unknown(
          "MalformedReports",
          "Reports the operator cannot read: " + named(verdict.malformed()) + ".");
    }
    if (!unscanned.isEmpty()) {
      return Finding.unknown(
          "NotScanned",
          "No fresh report describes the images of "
              + named(unscanned)
              + "; the scanner reports on each image once it has scanned it.");
    }
    return Finding.met(
        "Patched",
        scanner.reports().size()
            + " vulnerability report(s) within "
            + policy.scanIntervalOrDefault()
            + " cover every image the project runs, and show no critical vulnerability with a"
            + " fix published more than "
            + policy.criticalGracePeriodOrDefault()
            + " ago; no image is untagged or on :latest.");
  }

  private static String named(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(NAMED, items.size())));
    return items.size() > NAMED ? shown + " and " + (items.size() - NAMED) + " more" : shown;
  }
}
