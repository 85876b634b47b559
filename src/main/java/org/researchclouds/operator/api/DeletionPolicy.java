package org.researchclouds.operator.api;

/** What happens to the project's namespaces, and the data in them, when the project is deleted. */
public enum DeletionPolicy {
  /** Namespaces and data stay; they are labelled as orphaned. */
  Retain,
  /** Namespaces the operator created are deleted; adopted ones are released as with Retain. */
  Delete
}
