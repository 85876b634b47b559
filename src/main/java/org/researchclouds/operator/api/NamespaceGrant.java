package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A namespace name the platform lets one project claim. */
public record NamespaceGrant(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("The namespace.")
        String namespace,
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("The ResearchProject that may claim it.")
        String project) {}
