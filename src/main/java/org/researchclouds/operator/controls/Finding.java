package org.researchclouds.operator.controls;

import java.util.List;
import org.researchclouds.operator.api.ResponsibilityState;

/** The verdict of one control: a state, a CamelCase reason and a message that says what to do. */
public record Finding(ResponsibilityState state, String reason, String message) {
  private static final int MOST_NAMED = 10;

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

  /**
   * NotMet with the first gap's reason and the first gaps in the message, with how many more; Met
   * when there is none. A tenant can make gaps without end (one per Ingress rule), and a status the
   * API server refuses for its size would freeze the last one.
   */
  public static Finding fromGaps(List<Finding> gaps, Finding whenNone) {
    if (gaps.isEmpty()) {
      return whenNone;
    }
    List<String> named = gaps.stream().limit(MOST_NAMED).map(Finding::message).toList();
    String message = String.join(" ", named);
    if (gaps.size() > MOST_NAMED) {
      message += " And " + (gaps.size() - MOST_NAMED) + " more.";
    }
    return notMet(gaps.get(0).reason(), message);
  }
}
