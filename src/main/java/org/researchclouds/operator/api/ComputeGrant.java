package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The platform's grant to one project of a higher ceiling than its classification's. */
public record ComputeGrant(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("The ResearchProject.")
        String project,
    @Required
        @JsonPropertyDescription(
            "The most the project may ask for; a field left out keeps the classification's"
                + " ceiling.")
        ComputeQuota ceiling,
    @Required
        @Size(min = 1, max = 200)
        @JsonPropertyDescription("Why, such as the allocation that funds it.")
        String reason) {}
