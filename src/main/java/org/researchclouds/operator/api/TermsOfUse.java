package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** The platform's current terms of use. */
public record TermsOfUse(
    @Size(max = 64) @JsonPropertyDescription("Current version that projects must accept.")
        String version,
    @Size(max = 2048) @JsonPropertyDescription("Where the terms can be read.") String url) {}
