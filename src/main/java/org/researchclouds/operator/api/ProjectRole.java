package org.researchclouds.operator.api;

/** A project role; each maps to a least-privilege ClusterRole shipped with the operator. */
public enum ProjectRole {
  viewer,
  developer,
  maintainer
}
