package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.controls.ControlCatalogue.Evaluation;
import org.researchclouds.operator.controls.Finding;

class StatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-01T11:00:00Z");

  private final ResearchProject project = Fixtures.project("lab", "lab");

  @Test
  void buildsConditionsResponsibilitiesAndSummary() {
    ResearchProjectStatus status =
        at(T0)
            .build(
                project,
                Readiness.ready("in place"),
                List.of(
                    tenant("tenant/a", Finding.met("Fine", "ok")),
                    tenant("tenant/b", Finding.notMet("Broken", "fix it")),
                    shared("shared/c", Finding.unknown("CannotTell", "no data"))),
                List.of("lab"),
                null,
                List.of(),
                List.of());

    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getConditions())
        .extracting(Condition::getType, Condition::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ready", "True"),
            org.assertj.core.groups.Tuple.tuple("TenantResponsibilitiesMet", "False"),
            org.assertj.core.groups.Tuple.tuple("SharedResponsibilitiesMet", "Unknown"));
    assertThat(status.getConditions())
        .allSatisfy(
            c -> {
              assertThat(c.getObservedGeneration()).isEqualTo(1L);
              assertThat(c.getReason()).matches("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");
            });
    assertThat(status.getConditions().get(1).getMessage()).contains("tenant/b");
    assertThat(status.getSummary().tenant()).isEqualTo("1/2");
    assertThat(status.getSummary().platform()).isNull();
    assertThat(status.getSummary().shared()).isEqualTo("0/1");
  }

  @Test
  void keepsTransitionTimesUntilAStateFlipsSoAnUnchangedWorldGivesAnEqualStatus() {
    List<Evaluation> met = List.of(tenant("tenant/a", Finding.met("Fine", "ok")));
    project.setStatus(
        at(T0)
            .build(
                project,
                Readiness.ready("in place"),
                met,
                List.of("lab"),
                null,
                List.of(),
                List.of()));

    ResearchProjectStatus same =
        at(T1)
            .build(
                project,
                Readiness.ready("in place"),
                met,
                List.of("lab"),
                null,
                List.of(),
                List.of());
    assertThat(same).isEqualTo(project.getStatus());

    ResearchProjectStatus flipped =
        at(T1)
            .build(
                project,
                Readiness.ready("in place"),
                List.of(tenant("tenant/a", Finding.notMet("Broken", "fix it"))),
                List.of("lab"),
                null,
                List.of(),
                List.of());
    assertThat(flipped.getResponsibilities().get(0).lastTransitionTime()).isEqualTo(T1.toString());
    assertThat(flipped.getConditions().get(0).getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(flipped.getConditions().get(1).getLastTransitionTime()).isEqualTo(T1.toString());
  }

  @Test
  void aFailureReplacesReadyAndKeepsTheRest() {
    project.setStatus(
        at(T0)
            .build(
                project,
                Readiness.ready("in place"),
                List.of(tenant("tenant/a", Finding.met("Fine", "ok"))),
                List.of("lab"),
                null,
                List.of(),
                List.of()));

    ResearchProjectStatus failed =
        at(T1).withReadiness(project, Readiness.notReady("ReconcileFailed", "boom"));

    assertThat(failed.getConditions().get(0))
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("False", "ReconcileFailed");
    assertThat(failed.getResponsibilities()).isEqualTo(project.getStatus().getResponsibilities());
    assertThat(failed.getConditions().get(1)).isEqualTo(project.getStatus().getConditions().get(1));
  }

  private static StatusAggregator at(Instant now) {
    return new StatusAggregator(Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void anExceptedControlCountsNeitherWayAndTheSummarySaysSo() {
    ResearchProjectStatus status =
        at(T0)
            .build(
                project,
                Readiness.ready("in place"),
                List.of(
                    tenant("tenant/a", Finding.met("Fine", "ok")),
                    tenant("tenant/b", Finding.excepted("ExceptionGranted", "until March")),
                    tenant("tenant/c", Finding.attested("Attested", "by someone"))),
                List.of("lab"),
                null,
                List.of(),
                List.of());

    assertThat(status.getSummary().tenant()).isEqualTo("2/2 +1 excepted");
    assertThat(status.getConditions().get(1).getStatus()).isEqualTo("True");
    assertThat(status.getConditions().get(1).getMessage())
        .isEqualTo("All 2 tenant responsibilities are met; 1 excepted by the platform.");
  }

  @Test
  void aRefusedSpecJudgesNothingAndKeepsEachLastVerdictInWords() {
    project.setStatus(
        at(T0)
            .build(
                project,
                Readiness.ready("in place"),
                List.of(tenant("tenant/a", Finding.excepted("ExceptionGranted", "until March"))),
                List.of("lab"),
                null,
                List.of(),
                List.of()));

    ResearchProjectStatus refused =
        at(T1).refused(project, Readiness.notReady("ComputeOverCeiling", "too much"));

    assertThat(refused.getResponsibilities())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(ResponsibilityState.Unknown);
              assertThat(r.reason()).isEqualTo("SpecRefused");
              assertThat(r.message())
                  .isEqualTo(
                      "Not judged while the spec is refused (see Ready); last verdict Excepted"
                          + " (ExceptionGranted): until March");
            });
    assertThat(refused.getSummary().tenant()).isEqualTo("0/1");
    project.setStatus(refused);
    assertThat(
            at(T1.plusSeconds(60))
                .refused(project, Readiness.notReady("ComputeOverCeiling", "too much")))
        .as("refused again: nothing moves")
        .isEqualTo(refused);
  }

  private static Evaluation tenant(String id, Finding finding) {
    return new Evaluation(id, Owner.Tenant, finding);
  }

  private static Evaluation shared(String id, Finding finding) {
    return new Evaluation(id, Owner.Shared, finding);
  }
}
