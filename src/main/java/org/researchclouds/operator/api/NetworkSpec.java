package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.ListMap;

/** What the project exposes and where it may connect to. Everything else is denied. */
public record NetworkSpec(
    @Size(max = 32)
        @ListMap(keys = "name")
        @JsonPropertyDescription("Services that may be reached from outside.")
        List<Exposure> exposures,
    @Size(max = 32)
        @ListMap(keys = "name")
        @JsonPropertyDescription("Outbound traffic allowed beyond the defaults.")
        List<Egress> egress) {

  public List<Exposure> exposuresOrEmpty() {
    return exposures == null ? List.of() : exposures;
  }

  public List<Egress> egressOrEmpty() {
    return egress == null ? List.of() : egress;
  }
}
