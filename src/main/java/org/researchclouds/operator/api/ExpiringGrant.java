package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An attestation or exception of the baseline that expires soon, or has expired. */
public record ExpiringGrant(
    @JsonPropertyDescription("Attestation or Exception.") String kind,
    @JsonPropertyDescription(
            "What it covers: the attested duty, or the project and control excepted.")
        String name,
    @JsonPropertyDescription("Who renews it: the attester, or who granted the exception.")
        String owner,
    @JsonPropertyDescription("When it expires (RFC 3339).") String expires,
    @JsonPropertyDescription("Whether it has expired already.") boolean expired) {}
