package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A named person's word that a platform duty holds, with the evidence, until it expires. */
public record Attestation(
    @Required
        @JsonPropertyDescription(
            "Protection, NetworkEnforcement, AuditLogging or PhysicalSecurity.")
        PlatformDuty duty,
    @Required
        @Pattern(Patterns.EMAIL)
        @Size(max = Patterns.EMAIL_MAX_LENGTH)
        @JsonPropertyDescription("Who attests, and renews the attestation before it expires.")
        String attestedBy,
    @Required
        @Pattern(Patterns.DATE_TIME)
        @Size(max = Patterns.DATE_TIME_MAX_LENGTH)
        @JsonPropertyDescription("When (RFC 3339).")
        String attestedAt,
    @Required
        @Pattern(Patterns.HTTPS_URL)
        @Size(max = Patterns.URL_MAX_LENGTH)
        @JsonPropertyDescription("A link to the evidence, such as an audit report.")
        String evidence,
    @Required
        @Pattern(Patterns.DATE_TIME)
        @Size(max = Patterns.DATE_TIME_MAX_LENGTH)
        @JsonPropertyDescription("When the attestation lapses unless renewed (RFC 3339).")
        String expires,
    @JsonPropertyDescription(
            "A workload the operator checks for itself, such as the audit log shipper's"
                + " DaemonSet: while it is not ready, the attestation is not enough.")
        WorkloadReference verifiedBy) {

  public Instant expiresAt() {
    return OffsetDateTime.parse(expires).toInstant();
  }
}
