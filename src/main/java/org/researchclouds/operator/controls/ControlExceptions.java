package org.researchclouds.operator.controls;

import java.time.Instant;
import java.util.Optional;
import org.researchclouds.operator.api.ControlException;
import org.researchclouds.operator.api.SecurityBaseline;

/**
 * The platform's waivers, read from the baseline alone: nothing in a project's own spec excepts it.
 * While a waiver holds, the control reads Excepted and says what it would read without it; at
 * expiry the control is evaluated again and says that the waiver expired.
 */
final class ControlExceptions {
  private ControlExceptions() {}

  static Finding over(
      Finding finding, String controlId, String project, SecurityBaseline baseline, Instant now) {
    Optional<ControlException> waiver =
        baseline.getSpec().exceptionsOrEmpty().stream()
            .filter(e -> e.project().equals(project) && e.control().equals(controlId))
            .findFirst();
    if (waiver.isEmpty()) {
      return finding;
    }
    ControlException exception = waiver.get();
    if (now.isBefore(exception.expiresAt())) {
      return Finding.excepted(
          "ExceptionGranted",
          "Excepted until "
              + exception.expires()
              + " by "
              + exception.grantedBy()
              + ": "
              + exception.reason()
              + ". Without the exception: "
              + finding.state()
              + " ("
              + finding.reason()
              + "), "
              + finding.message());
    }
    return new Finding(
        finding.state(),
        finding.reason(),
        "The exception granted by "
            + exception.grantedBy()
            + " expired at "
            + exception.expires()
            + ". "
            + finding.message());
  }
}
