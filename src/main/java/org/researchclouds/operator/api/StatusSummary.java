package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Satisfied over evaluated responsibilities per owner, for printer columns and dashboards. */
public record StatusSummary(
    @JsonPropertyDescription("Tenant responsibilities satisfied, such as 3/4.") String tenant,
    @JsonPropertyDescription("Platform responsibilities satisfied.") String platform,
    @JsonPropertyDescription("Shared responsibilities satisfied.") String shared) {}
