package org.researchclouds.operator.controls;

import java.util.List;
import org.researchclouds.operator.api.ResponsibilityState;

/** The verdict of one control: a state, a CamelCase reason and a message that says what to do. */
public record Finding(ResponsibilityState state, String reason, String message) {

  public static Finding met(String reason, String message) {
    return new Finding(ResponsibilityState.Met, reason, message);
  }

  public static Finding notMet(String reason, String message) {
    return new Finding(ResponsibilityState.NotMet, reason, message);
  }

  public static Finding unknown(String reason, String message) {
    return new Finding(ResponsibilityState.Unknown, reason, message);
  }

  public static Finding excepted(String reason, String message) {
    return new Finding(ResponsibilityState.Excepted, reason, message);
  }

  public static Finding attested(String reason, String message) {
    return new Finding(ResponsibilityState.Attested, reason, message);
  }

  /** NotMet with the first gap's reason and every gap in the message; Met when there is none. */
  public static Finding fromGaps(List<Finding> gaps, Finding whenNone) {
    if (gaps.isEmpty()) {
      return whenNone;
    }
    String message = String.join(" ", gaps.stream().map(Finding::message).toList());
    return notMet(gaps.get(0).reason(), message);
  }
}
