package org.researchclouds.operator.api;

/** Whether a responsibility holds, as far as the operator can tell. */
public enum ResponsibilityState {
  Met,
  NotMet,
  /** The operator cannot know (a prerequisite is missing); the reason says which. */
  Unknown,
  /** Not observable by the operator; a named person attested it. */
  Attested,
  /** Waived for a time by a platform exception: counted neither as met nor as not met. */
  Excepted;

  /** Met and attested duties count as satisfied. */
  public boolean satisfied() {
    return this == Met || this == Attested;
  }
}
