package org.researchclouds.operator.reconciler;

/** Whether the operator's own objects are in place for the current generation, and why not. */
record Readiness(String status, String reason, String message) {
  static Readiness ready(String message) {
    return new Readiness("True", "GuardRailsInPlace", message);
  }

  static Readiness notReady(String reason, String message) {
    return new Readiness("False", reason, message);
  }
}
