package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ControlException;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.ControlCatalogue.Evaluation;

class ControlExceptionsTest {
  private static final Instant EXPIRY = Instant.parse("2027-01-31T00:00:00Z");
  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final SecurityBaseline baseline =
      Fixtures.with(
          Fixtures.baseline(),
          "exceptions",
          List.of(
              new ControlException(
                  "lab",
                  "shared/incident-response",
                  "ticket OPS-7: contact being replaced",
                  "cloud@example.org",
                  EXPIRY.toString())));
  // Without a platform contact, incident response is not met: the exception waives it.
  private final SecurityBaseline waived = Fixtures.with(baseline, "platformContact", null);

  @Test
  void aControlIsExceptedUntilTheSecondItsExceptionExpires() {
    Finding before = incidentResponse(project, EXPIRY.minusSeconds(1));
    Finding at = incidentResponse(project, EXPIRY);

    assertThat(before.state()).isEqualTo(ResponsibilityState.Excepted);
    assertThat(before.reason()).isEqualTo("ExceptionGranted");
    assertThat(before.message())
        .startsWith(
            "Excepted until 2027-01-31T00:00:00Z by cloud@example.org: ticket OPS-7: contact"
                + " being replaced. Without the exception: NotMet (NoPlatformContact), ");
    assertThat(at.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(at.reason()).isEqualTo("NoPlatformContact");
    assertThat(at.message())
        .startsWith("The exception granted by cloud@example.org expired at 2027-01-31T00:00:00Z.");
  }

  @Test
  void anExceptionCoversOneProjectAndOneControlOnly() {
    ResearchProject other = Fixtures.project("other", "other");
    List<Evaluation> evaluations =
        ControlCatalogue.standard()
            .evaluate(Fixtures.at(Fixtures.applied(project, waived), Fixtures.NOW));

    assertThat(incidentResponse(other, Fixtures.NOW).state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(evaluations)
        .filteredOn(e -> e.finding().state() == ResponsibilityState.Excepted)
        .extracting(Evaluation::id)
        .containsExactly("shared/incident-response");
  }

  private Finding incidentResponse(ResearchProject project, Instant now) {
    return ControlCatalogue.standard()
        .evaluate(Fixtures.at(Fixtures.applied(project, waived), now))
        .stream()
        .filter(e -> e.id().equals("shared/incident-response"))
        .findFirst()
        .orElseThrow()
        .finding();
  }
}
