package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The project's acceptance of the platform's terms of use. */
public record Compliance(
    @Size(max = 64)
        @JsonPropertyDescription("Version of the terms of use that the project accepted.")
        String termsOfUseVersion,
    @Pattern(Patterns.EMAIL)
        @Size(max = Patterns.EMAIL_MAX_LENGTH)
        @JsonPropertyDescription("E-mail address of who accepted them.")
        String acceptedBy,
    @Pattern(Patterns.DATE_TIME)
        @Size(max = Patterns.DATE_TIME_MAX_LENGTH)
        @JsonPropertyDescription(
            "When they were accepted (RFC 3339, such as 2026-09-01T00:00:00Z).")
        String acceptedAt) {}
