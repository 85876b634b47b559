package org.researchclouds.operator.api;

/** A transport protocol, as NetworkPolicy names it. */
public enum Protocol {
  TCP,
  UDP,
  SCTP
}
