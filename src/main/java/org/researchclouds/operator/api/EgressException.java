package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The platform's grant to one project of a port it blocks, until a given time. */
public record EgressException(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("The ResearchProject.")
        String project,
    @Required @Min(1) @Max(65535) @JsonPropertyDescription("The blocked port it opens.")
        Integer port,
    @Default("TCP") @JsonPropertyDescription("TCP (default), UDP or SCTP.") Protocol protocol,
    @Required
        @Size(min = 1, max = 200)
        @JsonPropertyDescription("Why, such as the ticket that approved a mail relay.")
        String reason,
    @Required
        @Pattern(Patterns.DATE_TIME)
        @Size(max = Patterns.DATE_TIME_MAX_LENGTH)
        @JsonPropertyDescription("When the port closes again (RFC 3339).")
        String expires) {

  public Protocol protocolOrDefault() {
    return protocol == null ? Protocol.TCP : protocol;
  }

  public Instant expiresAt() {
    return OffsetDateTime.parse(expires).toInstant();
  }

  public boolean opens(BlockedPort blocked) {
    return port.equals(blocked.port()) && protocolOrDefault() == blocked.protocolOrDefault();
  }
}
