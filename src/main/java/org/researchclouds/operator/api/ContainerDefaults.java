package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * What a LimitRange gives a container that declares nothing, so that every pod counts against the
 * quota. A field left out takes the classification's default.
 */
public record ContainerDefaults(
    @Pattern(Patterns.QUANTITY)
        @Size(max = Patterns.QUANTITY_MAX_LENGTH)
        @JsonPropertyDescription("CPU request (default 100m).")
        String cpuRequest,
    @Pattern(Patterns.QUANTITY)
        @Size(max = Patterns.QUANTITY_MAX_LENGTH)
        @JsonPropertyDescription("Memory request (default 128Mi).")
        String memoryRequest,
    @Pattern(Patterns.QUANTITY)
        @Size(max = Patterns.QUANTITY_MAX_LENGTH)
        @JsonPropertyDescription("Memory limit (default 1Gi).")
        String memoryLimit) {

  static final ContainerDefaults DEFAULTS = new ContainerDefaults("100m", "128Mi", "1Gi");

  public ContainerDefaults over(ContainerDefaults below) {
    return new ContainerDefaults(
        cpuRequest == null ? below.cpuRequest : cpuRequest,
        memoryRequest == null ? below.memoryRequest : memoryRequest,
        memoryLimit == null ? below.memoryLimit : memoryLimit);
  }
}
