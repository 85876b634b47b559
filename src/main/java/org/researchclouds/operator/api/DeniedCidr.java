package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Addresses no project may reach or be reached from, whatever its spec says. */
public record DeniedCidr(
    @Required
        @Pattern(Patterns.CIDR)
        @Size(max = Patterns.CIDR_MAX_LENGTH)
        @JsonPropertyDescription("The range, such as 169.254.169.254/32.")
        String cidr,
    @Size(max = 200) @JsonPropertyDescription("Why it is denied, such as cloud instance metadata.")
        String reason) {

  @Override
  public String toString() {
    return reason == null ? cidr : cidr + " (" + reason + ")";
  }
}
