package org.researchclouds.operator.api;

/** What the operator does with objects that undo the guard rails. */
public enum EnforcementMode {
  /** Report them in the status. */
  Audit,
  /** Report them and remove them, with an Event. */
  Enforce
}
