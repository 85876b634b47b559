package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** A scheduled test restore of the newest backup into a scratch namespace. */
public record RestoreDrill(
    @JsonPropertyDescription("Run restore drills (default false).") Boolean enabled,
    @Pattern(Patterns.CRON)
        @Size(max = Patterns.CRON_MAX_LENGTH)
        @JsonPropertyDescription("When drills run, as cron (default monthly: 0 4 1 * *).")
        String schedule) {
  public static final String DEFAULT_SCHEDULE = "0 4 1 * *";

  public boolean on() {
    return Boolean.TRUE.equals(enabled);
  }

  public String scheduleOrDefault() {
    return schedule == null ? DEFAULT_SCHEDULE : schedule;
  }
}
