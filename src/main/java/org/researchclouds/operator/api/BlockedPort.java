package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Abuse-prone outbound traffic that stays blocked unless the platform grants it to a project. */
public record BlockedPort(
    @Required @Min(1) @Max(65535) @JsonPropertyDescription("Destination port.") Integer port,
    @Default("TCP") @JsonPropertyDescription("TCP (default), UDP or SCTP.") Protocol protocol,
    @Size(max = 200) @JsonPropertyDescription("Why it is blocked, such as outbound mail (spam).")
        String reason) {

  public Protocol protocolOrDefault() {
    return protocol == null ? Protocol.TCP : protocol;
  }
}
