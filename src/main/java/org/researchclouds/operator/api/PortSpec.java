package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A port, or a range of ports, of one protocol. */
@ValidationRule(
    value = "!has(self.endPort) || self.endPort >= self.port",
    message = "endPort must not be below port")
public record PortSpec(
    @Required @Min(1) @Max(65535) @JsonPropertyDescription("The port, or the first of a range.")
        Integer port,
    @Min(1) @Max(65535) @JsonPropertyDescription("The last port of a range; omit for one port.")
        Integer endPort,
    @Default("TCP") @JsonPropertyDescription("TCP (default), UDP or SCTP.") Protocol protocol) {

  public Protocol protocolOrDefault() {
    return protocol == null ? Protocol.TCP : protocol;
  }

  public int lastPort() {
    return endPort == null ? port : endPort;
  }
}
