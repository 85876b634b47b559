package org.researchclouds.operator.api;

/** Who carries a responsibility in the shared security responsibility model. */
public enum Owner {
  Tenant,
  Platform,
  Shared
}
