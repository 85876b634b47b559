package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** One control of the responsibility model, as last evaluated. */
public record Responsibility(
    @JsonPropertyDescription("Control id, such as tenant/limited-exposure.") String id,
    @JsonPropertyDescription("Tenant, Platform or Shared.") Owner owner,
    @JsonPropertyDescription("Met, NotMet, Unknown, Attested or Excepted.")
        ResponsibilityState state,
    @JsonPropertyDescription("Why, in CamelCase.") String reason,
    @Size(max = Responsibility.MAX_MESSAGE)
        @JsonPropertyDescription("What is wrong and what to do, or what was checked.")
        String message,
    @JsonPropertyDescription("When the state last changed (RFC 3339).") String lastTransitionTime) {
  /** Long enough for ten named gaps; short enough that no status outgrows what etcd stores. */
  public static final int MAX_MESSAGE = 4096;
}
