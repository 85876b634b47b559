package org.researchclouds.operator.api;

/** Which address ranges an exposure may admit. */
public enum CidrSources {
  /** No address range: only the ingress controller and other projects. */
  None,
  /** Only ranges that do not reach the Internet (RFC 1918, RFC 6598, RFC 4193). */
  Private,
  /** Any range, the Internet included. */
  Any
}
