package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The platform's waiver of one control for one project, until it expires. */
public record ControlException(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("The ResearchProject.")
        String project,
    @Required
        @Pattern(Patterns.CONTROL_ID)
        @Size(max = Patterns.CONTROL_ID_MAX_LENGTH)
        @JsonPropertyDescription("The control waived, such as tenant/patching.")
        String control,
    @Required
        @Size(min = 1, max = 200)
        @JsonPropertyDescription("Why, such as the ticket that approved it.")
        String reason,
    @Required
        @Pattern(Patterns.EMAIL)
        @Size(max = Patterns.EMAIL_MAX_LENGTH)
        @JsonPropertyDescription("Who in the platform team granted it.")
        String grantedBy,
    @Required
        @Pattern(Patterns.DATE_TIME)
        @Size(max = Patterns.DATE_TIME_MAX_LENGTH)
        @JsonPropertyDescription("When the control is evaluated again (RFC 3339).")
        String expires) {

  public Instant expiresAt() {
    return OffsetDateTime.parse(expires).toInstant();
  }
}
