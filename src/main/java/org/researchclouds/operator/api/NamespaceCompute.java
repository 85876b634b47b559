package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** A project namespace's use of its compute quota, as the API server's quota controller counts. */
public record NamespaceCompute(
    @JsonPropertyDescription("The namespace.") String namespace,
    @Size(max = 16) @JsonPropertyDescription("The quota, by resource, such as requests.cpu: 16.")
        Map<String, String> hard,
    @Size(max = 16) @JsonPropertyDescription("What the namespace uses of it.")
        Map<String, String> used) {}
