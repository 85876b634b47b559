package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How timely patches must be, for the projects' images and for the platform itself. */
public record PatchingPolicy(
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription(
            "How long a critical vulnerability may stay in a workload after its fix was published"
                + " (default 168h, 7 days).")
        String criticalGracePeriod,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription(
            "How often the scanner reports on each workload; an older report is stale (default"
                + " 24h).")
        String scanInterval,
    @Pattern(Patterns.MINOR_VERSION)
        @Size(max = 8)
        @JsonPropertyDescription(
            "The newest Kubernetes minor release, such as 1.32: the platform keeps the API server"
                + " within supportedMinorReleases of it.")
        String newestKubernetesMinor,
    @Min(1)
        @Max(10)
        @JsonPropertyDescription(
            "How many minor releases, the newest included, are supported (default 3).")
        Integer supportedMinorReleases) {

  public static PatchingPolicy defaults() {
    return new PatchingPolicy(null, null, null, null);
  }

  public String criticalGracePeriodOrDefault() {
    return criticalGracePeriod == null ? "168h" : criticalGracePeriod;
  }

  public String scanIntervalOrDefault() {
    return scanInterval == null ? "24h" : scanInterval;
  }

  public int supportedMinorReleasesOrDefault() {
    return supportedMinorReleases == null ? 3 : supportedMinorReleases;
  }
}
