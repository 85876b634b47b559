package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListSet;

/** How the project's namespaces are backed up with Velero, and how recovery is tested. */
public record BackupSpec(
    @JsonPropertyDescription(
            "Back up the project (default true; the baseline may make it mandatory).")
        Boolean enabled,
    @Pattern(Patterns.CRON)
        @Size(max = Patterns.CRON_MAX_LENGTH)
        @JsonPropertyDescription("When backups run, as cron (default daily at 02:00: 0 2 * * *).")
        String schedule,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = 16)
        @JsonPropertyDescription(
            "How long backups are kept, such as 720h; raised to the baseline's minimum.")
        String retention,
    @Size(max = 64)
        @ListSet
        @Items(maxLength = 253)
        @JsonPropertyDescription(
            "Resources to back up, such as persistentvolumeclaims; default all.")
        List<String> includedResources,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = 16)
        @JsonPropertyDescription(
            "How recent a successful restore test must be, such as 2160h (default from the"
                + " baseline).")
        String restoreTestInterval,
    @JsonPropertyDescription("Scheduled restore drills; a completed drill is a restore test.")
        RestoreDrill restoreDrill) {
  public static final String DEFAULT_SCHEDULE = "0 2 * * *";

  public String scheduleOrDefault() {
    return schedule == null ? DEFAULT_SCHEDULE : schedule;
  }

  public RestoreDrill restoreDrillOrDefault() {
    return restoreDrill == null ? new RestoreDrill(false, null) : restoreDrill;
  }

  public List<String> includedResourcesOrEmpty() {
    return includedResources == null ? List.of() : includedResources;
  }
}
