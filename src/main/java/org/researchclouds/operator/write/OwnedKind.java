package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How the operator compares and merges one kind of object it owns. */
interface OwnedKind<R extends HasMetadata> {
  /** Whether the object in the cluster already carries everything the operator wants. */
  boolean upToDate(R desired, R actual);

  /** The object to write over {@code actual}: what the operator wants, keeping what others own. */
  R merged(R desired, R actual);

  /** Whether the difference lies in fields the API server will not update in place. */
  default boolean mustReplace(R desired, R actual) {
    return false;
  }

  /** The object to create when none exists. */
  default R forCreate(R desired) {
    return desired;
  }
}
