package org.researchclouds.operator.api;

/** Pod Security Standards levels that protect data; privileged is never a floor. */
public enum PodSecurityLevel {
  baseline,
  restricted;

  /** Whether this level is at least as strict as {@code floor}. */
  public boolean atLeast(PodSecurityLevel floor) {
    return compareTo(floor) >= 0;
  }
}
