package org.researchclouds.operator.api;

/**
 * The platform's duties that the operator cannot observe from inside the cluster, and so reads from
 * the platform team's attestations.
 */
public enum PlatformDuty {
  Protection("platform/protection", "protecting the cloud platform"),
  NetworkEnforcement(
      "platform/network-enforcement", "a network plugin that enforces NetworkPolicies"),
  AuditLogging(
      "platform/audit-logging", "logs sufficient for investigations and incident response"),
  PhysicalSecurity(
      "platform/physical-security",
      "the environmental and physical security of the infrastructure");

  private final String controlId;
  private final String meaning;

  PlatformDuty(String controlId, String meaning) {
    this.controlId = controlId;
    this.meaning = meaning;
  }

  public String controlId() {
    return controlId;
  }

  /** What the duty covers, in the words of the model. */
  public String meaning() {
    return meaning;
  }
}
