package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Who answers for the project. */
public record Contacts(
    @Required
        @Pattern(Patterns.EMAIL)
        @Size(max = Patterns.EMAIL_MAX_LENGTH)
        @JsonPropertyDescription("E-mail address of the principal investigator.")
        String principalInvestigator,
    @Pattern(Patterns.EMAIL)
        @Size(max = Patterns.EMAIL_MAX_LENGTH)
        @JsonPropertyDescription(
            "E-mail address of the person who answers security incidents for the project's"
                + " workloads.")
        String securityContact) {}
