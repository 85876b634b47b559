package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One control of the responsibility model, as last evaluated. */
public record Responsibility(
    @JsonPropertyDescription("Control id, such as tenant/limited-exposure.") String id,
    @JsonPropertyDescription("Tenant, Platform or Shared.") Owner owner,
    @JsonPropertyDescription("Met, NotMet, Unknown, Attested or Excepted.")
        ResponsibilityState state,
    @JsonPropertyDescription("Why, in CamelCase.") String reason,
    @JsonPropertyDescription("What is wrong and what to do, or what was checked.") String message,
    @JsonPropertyDescription("When the state last changed (RFC 3339).")
        String lastTransitionTime) {}
