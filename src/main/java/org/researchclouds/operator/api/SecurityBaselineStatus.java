package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import org.researchclouds.operator.api.schema.ListMap;

/** The baseline as the operator reads it: valid or not, what it governs, what expires soon. */
public record SecurityBaselineStatus(
    @JsonPropertyDescription("The generation of the spec that this status describes.")
        Long observedGeneration,
    @ListMap(keys = "type")
        @JsonPropertyDescription(
            "Valid: whether every project can be judged against this baseline.")
        List<Condition> conditions,
    @JsonPropertyDescription("The projects the baseline governs.") Integer projects,
    @JsonPropertyDescription("Projects whose tenant responsibilities are all met, such as 12/15.")
        String tenant,
    @JsonPropertyDescription("Projects whose platform responsibilities are all met.")
        String platform,
    @JsonPropertyDescription("Projects whose shared responsibilities are all met.") String shared,
    @Size(max = 300)
        @JsonPropertyDescription(
            "Attestations and exceptions that expire within 30 days, or have expired, soonest"
                + " first.")
        List<ExpiringGrant> expiring) {

  public List<Condition> conditionsOrEmpty() {
    return conditions == null ? List.of() : conditions;
  }
}
