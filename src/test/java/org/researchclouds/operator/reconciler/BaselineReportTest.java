package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.ControlException;
import org.researchclouds.operator.api.ExpiringGrant;
import org.researchclouds.operator.api.PlatformDuty;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.SecurityBaselineStatus;

class BaselineReportTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private final BaselineReport report = new BaselineReport(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void countsTheProjectsThatMeetEachOwnersResponsibilities() {
    List<ResearchProject> governed =
        List.of(
            judged("a", "True", "True", "True"),
            judged("b", "False", "True", "Unknown"),
            Fixtures.project("c", "c"));

    SecurityBaselineStatus status = report.of(Fixtures.baseline(), governed);

    assertThat(status.projects()).isEqualTo(3);
    assertThat(status.tenant()).isEqualTo("1/3");
    assertThat(status.platform()).isEqualTo("2/3");
    assertThat(status.shared()).isEqualTo("1/3");
    assertThat(status.conditions())
        .singleElement()
        .satisfies(
            valid -> {
              assertThat(valid.getType()).isEqualTo("Valid");
              assertThat(valid.getStatus()).isEqualTo("True");
            });
  }

  @Test
  void listsWhatExpiresWithinThirtyDaysOrHasExpiredSoonestFirst() {
    SecurityBaseline baseline =
        Fixtures.with(
            Fixtures.with(
                Fixtures.baseline(),
                "attestations",
                List.of(
                    attestation(PlatformDuty.AuditLogging, "2026-12-30T23:59:59Z"),
                    attestation(PlatformDuty.Protection, "2026-12-31T00:00:00Z"),
                    attestation(PlatformDuty.PhysicalSecurity, "2026-11-30T00:00:00Z"))),
            "exceptions",
            List.of(
                new ControlException(
                    "lab",
                    "tenant/patching",
                    "ticket 7",
                    "cloud@example.org",
                    "2026-12-15T00:00:00Z")));

    assertThat(report.of(baseline, List.of()).expiring())
        .containsExactly(
            new ExpiringGrant(
                "Attestation",
                "PhysicalSecurity",
                "cloud@example.org",
                "2026-11-30T00:00:00Z",
                true),
            new ExpiringGrant(
                "Exception",
                "lab tenant/patching",
                "cloud@example.org",
                "2026-12-15T00:00:00Z",
                false),
            new ExpiringGrant(
                "Attestation", "AuditLogging", "cloud@example.org", "2026-12-30T23:59:59Z", false));
  }

  @Test
  void anInvalidBaselineSaysWhichFieldToCorrect() {
    SecurityBaseline misspelt =
        Fixtures.with(
            Fixtures.baseline(),
            "exceptions",
            List.of(
                new ControlException(
                    "lab",
                    "tenant/pathcing",
                    "ticket 7",
                    "cloud@example.org",
                    "2026-12-15T00:00:00Z")));

    SecurityBaselineStatus status = report.of(misspelt, List.of());

    assertThat(status.conditions().get(0).getStatus()).isEqualTo("False");
    assertThat(status.conditions().get(0).getReason()).isEqualTo("InvalidBaseline");
    assertThat(status.conditions().get(0).getMessage())
        .startsWith(
            "SecurityBaseline default spec.exceptions[0].control: tenant/pathcing is no control;"
                + " the controls are tenant/data-protection,");
    assertThat(status.expiring()).isEmpty();
  }

  @Test
  void anUnchangedWorldGivesAnEqualStatus() {
    SecurityBaseline baseline = Fixtures.baseline();
    baseline.setStatus(report.of(baseline, List.of()));

    assertThat(
            new BaselineReport(Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC))
                .of(baseline, List.of()))
        .isEqualTo(baseline.getStatus());
  }

  private static Attestation attestation(PlatformDuty duty, String expires) {
    return new Attestation(
        duty,
        Fixtures.PLATFORM_CONTACT,
        "2026-01-01T00:00:00Z",
        "https://example.org/e",
        expires,
        null);
  }

  private static ResearchProject judged(
      String name, String tenant, String platform, String shared) {
    ResearchProject project = Fixtures.project(name, name);
    ResearchProjectStatus status = new ResearchProjectStatus();
    status.setConditions(
        List.of(
            condition(StatusAggregator.TENANT, tenant),
            condition(StatusAggregator.PLATFORM, platform),
            condition(StatusAggregator.SHARED, shared)));
    project.setStatus(status);
    return project;
  }

  private static io.fabric8.kubernetes.api.model.Condition condition(String type, String status) {
    return new ConditionBuilder().withType(type).withStatus(status).build();
  }
}
