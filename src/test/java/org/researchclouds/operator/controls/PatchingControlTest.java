package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.TrivyReports;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;

class PatchingControlTest {
  private static final Instant NOW = Fixtures.NOW;

  /** The fixture baseline's defaults: seven days' grace, a daily scan. */
  private static final Duration GRACE = Duration.ofDays(7);

  private static final Duration INTERVAL = Duration.ofHours(24);

  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final SecurityBaseline baseline = Fixtures.baseline();
  private final PatchingControl control = new PatchingControl();
  private static final String PINNED = "registry.example.org/lab/api:1.4.2";
  private final ContainerImages pinned = images("Deployment", "api", PINNED);

  @Test
  void imagesWithoutATagOrOnLatestAreMutable() {
    assertThat(ImageReference.parse("nginx").mutable()).isTrue();
    assertThat(ImageReference.parse("nginx:latest").mutable()).isTrue();
    assertThat(ImageReference.parse("registry.example.org:5000/lab/app").mutable()).isTrue();
    assertThat(ImageReference.parse("registry.example.org:5000/lab/app:2.1").mutable()).isFalse();
    assertThat(ImageReference.parse("nginx@sha256:" + "a".repeat(64)).mutable()).isFalse();
    assertThat(ImageReference.parse("").mutable()).isTrue();
  }

  @Test
  void imagesAreReadAsTheRuntimeReadsThem() {
    assertThat(ImageReference.parse("nginx:1.25"))
        .isEqualTo(new ImageReference("index.docker.io", "library/nginx", "1.25", ""));
    assertThat(ImageReference.parse("localhost:5000/lab/app:2.1"))
        .isEqualTo(new ImageReference("localhost:5000", "lab/app", "2.1", ""));
    assertThat(ImageReference.parse("lab/app@sha256:ab"))
        .isEqualTo(new ImageReference("index.docker.io", "lab/app", "", "sha256:ab"));
    assertThat(
            ImageReference.parse("nginx:1.25")
                .describedBy(
                    Map.of("repository", "library/nginx", "tag", "1.25"),
                    Map.of("server", "docker.io"),
                    ""))
        .isTrue();
    assertThat(ImageReference.parse("docker.io/nginx:1.25").repository())
        .isEqualTo("library/nginx");
    // The runtime pulls by the digest alone: a clean report of the tag says nothing of it.
    assertThat(
            ImageReference.parse("registry.example.org/lab/app:1.0@sha256:bad")
                .describedBy(
                    Map.of("repository", "lab/app", "tag", "1.0", "digest", "sha256:good"),
                    Map.of("server", "registry.example.org"),
                    ""))
        .isFalse();
    assertThat(
            ImageReference.parse("registry.example.org/lab/app:1.0@sha256:bad")
                .describedBy(
                    Map.of("repository", "lab/app", "digest", "sha256:bad"),
                    Map.of("server", "registry.example.org"),
                    ""))
        .isTrue();
    assertThat(
            ImageReference.parse("registry.example.org/library/nginx:1.25")
                .describedBy(
                    Map.of("repository", "library/nginx", "tag", "1.25"),
                    Map.of("server", "index.docker.io"),
                    ""))
        .as("the same name on another registry")
        .isFalse();
  }

  @Test
  void aTagPushedAgainIsNotCoveredByTheReportOfItsOldContent() {
    var withDigest = TrivyReports.withDigest(report("api", NOW), "sha256:old");
    ContainerImages runningNew =
        new ContainerImages(
            "Pod", "lab", "api-7f9c", List.of(PINNED), Map.of(PINNED, "sha256:new"));
    ContainerImages runningOld =
        new ContainerImages(
            "Pod", "lab", "api-7f9c", List.of(PINNED), Map.of(PINNED, "sha256:old"));

    assertThat(control.evaluate(observed(List.of(runningNew), List.of(withDigest))).reason())
        .isEqualTo("NotScanned");
    assertThat(control.evaluate(observed(List.of(runningOld), List.of(withDigest))).reason())
        .isEqualTo("Patched");
  }

  @Test
  void anImageNoFreshReportDescribesIsUnknownNotMet() {
    var clean = report("api", NOW);
    ContainerImages patched = images("Pod", "api-7f9c", "registry.example.org/lab/api:1.4.1");

    Finding finding = control.evaluate(observed(List.of(pinned, patched), List.of(clean)));

    assertThat(finding.state()).isEqualTo(ResponsibilityState.Unknown);
    assertThat(finding.reason()).isEqualTo("NotScanned");
    assertThat(finding.message())
        .startsWith("No fresh report describes the images of Pod lab/api-7f9c;");
  }

  @Test
  void aMutableTagIsNamedWhateverTheScannerSays() {
    Finding finding =
        control.evaluate(
            observed(
                List.of(pinned, images("CronJob", "nightly", "busybox:1.36", "lab/etl:latest")),
                List.of()));

    assertThat(finding.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(finding.reason()).isEqualTo("MutableImageTag");
    assertThat(finding.message())
        .startsWith("Workloads on an untagged or :latest image: CronJob lab/nightly. Pin");
  }

  @Test
  void withoutAScannerTheVulnerabilityPartIsUnknownNeverMet() {
    Observation applied = Fixtures.applied(project, baseline);
    Workloads noScanner =
        new Workloads(List.of(), List.of(pinned), ScannerState.absent(), List.of(), List.of());

    assertThat(control.evaluate(Fixtures.withWorkloads(applied, noScanner)))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "ScannerNotInstalled");
  }

  @Test
  void workloadsTheScannerHasNotReportedOnAreUnknown() {
    assertThat(control.evaluate(observed(List.of(pinned), List.of())).reason())
        .isEqualTo("NotScanned");
    assertThat(control.evaluate(observed(List.of(), List.of())).reason())
        .isEqualTo("NothingToPatch");
  }

  @Test
  void aCriticalFixPublishedJustBeyondTheGracePeriodIsOverdue() {
    var justInside =
        report("api", NOW, TrivyReports.critical("CVE-1", NOW.minus(GRACE).plusSeconds(1)));
    var justBeyond =
        report("api", NOW, TrivyReports.critical("CVE-1", NOW.minus(GRACE).minusSeconds(1)));

    assertThat(control.evaluate(observed(List.of(pinned), List.of(justInside))).state())
        .isEqualTo(ResponsibilityState.Met);
    Finding overdue = control.evaluate(observed(List.of(pinned), List.of(justBeyond)));
    assertThat(overdue.reason()).isEqualTo("CriticalVulnerabilities");
    assertThat(overdue.message())
        .isEqualTo(
            "Workloads with critical vulnerabilities published more than 168h ago that have a"
                + " fix, by count: Deployment lab/api (1). Rebuild them on patched images.");
  }

  @Test
  void theWorstWorkloadsComeFirstAndOnlyFixableCriticalsCount() {
    Instant old = NOW.minus(Duration.ofDays(30));
    var worst =
        report(
            "etl",
            NOW,
            TrivyReports.critical("CVE-1", old),
            TrivyReports.critical("CVE-2", old),
            TrivyReports.vulnerability("CVE-3", "HIGH", old, "2.0"));
    var lesser =
        report(
            "api",
            NOW,
            TrivyReports.critical("CVE-4", old),
            TrivyReports.vulnerability("CVE-5", "CRITICAL", old, ""));

    assertThat(control.evaluate(observed(List.of(pinned), List.of(lesser, worst))).message())
        .contains("by count: Deployment lab/etl (2), Deployment lab/api (1).");
  }

  @Test
  void staleReportsMakeTheVerdictUnknown() {
    var stale = report("api", NOW.minus(INTERVAL).minusSeconds(1));
    var fresh = report("api", NOW.minus(INTERVAL).plusSeconds(1));

    Finding finding = control.evaluate(observed(List.of(pinned), List.of(stale)));
    assertThat(finding.reason()).isEqualTo("StaleReports");
    assertThat(finding.state()).isEqualTo(ResponsibilityState.Unknown);
    assertThat(control.evaluate(observed(List.of(pinned), List.of(fresh))).reason())
        .isEqualTo("Patched");
  }

  @Test
  void malformedReportsMakeTheVerdictUnknown() {
    var noReport = report("api", NOW);
    noReport.getAdditionalProperties().remove("report");
    var badDate = report("etl", NOW, TrivyReports.critical("CVE-9", NOW));
    ((Map<String, Object>)
            ((List<?>)
                    ((Map<?, ?>) badDate.getAdditionalProperties().get("report"))
                        .get("vulnerabilities"))
                .get(0))
        .put("publishedDate", "yesterday");

    for (var malformed : List.of(noReport, badDate)) {
      assertThat(control.evaluate(observed(List.of(pinned), List.of(malformed))))
          .extracting(Finding::state, Finding::reason)
          .containsExactly(ResponsibilityState.Unknown, "MalformedReports");
    }
  }

  @Test
  void theReportsTheTestsUseAreValidAgainstTrivysSchema() {
    assertThat(
            UpstreamSchemas.crdErrors(
                report("api", NOW, TrivyReports.critical("CVE-1", NOW)), TrivyReports.CRD))
        .isEmpty();
  }

  @SafeVarargs
  private static GenericKubernetesResource report(
      String deployment, Instant updated, Map<String, Object>... vulnerabilities) {
    return TrivyReports.report(
        "lab", "Deployment", deployment, PINNED, updated, List.of(vulnerabilities));
  }

  private Observation observed(
      List<ContainerImages> images, List<GenericKubernetesResource> reports) {
    Workloads applied = Fixtures.appliedWorkloads(project, baseline);
    return Fixtures.withWorkloads(
        Fixtures.applied(project, baseline),
        new Workloads(
            List.of(),
            images,
            new ScannerState(true, reports),
            applied.quotas(),
            applied.limitRanges()));
  }

  private static ContainerImages images(String kind, String name, String... images) {
    return new ContainerImages(kind, "lab", name, List.of(images), Map.of());
  }
}
