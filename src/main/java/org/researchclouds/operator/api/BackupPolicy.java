package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.ListSet;

/** The platform's backup service and the floors it sets for every project. */
public record BackupPolicy(
    @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("Namespace where Velero runs (default velero).")
        String veleroNamespace,
    @Size(max = 253)
        @JsonPropertyDescription("Velero BackupStorageLocation to use (default default).")
        String storageLocation,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription("Shortest retention a project may set (default 168h).")
        String minimumRetention,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription("Retention when a project sets none (default 720h).")
        String defaultRetention,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription(
            "How recent a restore test must be when a project sets none (default 2160h, 90 days).")
        String restoreTestInterval,
    @JsonPropertyDescription("Back up volume data with Velero's file-system backup (default true).")
        Boolean volumeData,
    @Size(max = 4)
        @ListSet
        @JsonPropertyDescription("Classifications for which backups cannot be switched off.")
        List<DataClassification> mandatoryFor,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription(
            "How long a deleted project's final backup may take before deletion stops (default"
                + " 1h).")
        String finalBackupTimeout,
    @JsonPropertyDescription(
            "Let a project whose backups are switched off be deleted with deletionPolicy Delete"
                + " without a final backup (default false: the final backup is taken all the"
                + " same).")
        Boolean deleteWithoutFinalBackup,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription(
            "Shortest time a project's backup schedule may leave between two backups (default"
                + " 1h): each backup costs storage and API calls.")
        String minimumBackupInterval,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription(
            "Shortest time a project's restore drill schedule may leave between two drills"
                + " (default 24h).")
        String minimumDrillInterval,
    @Pattern(Patterns.DURATION)
        @Size(min = 2, max = Patterns.DURATION_MAX_LENGTH)
        @JsonPropertyDescription(
            "How long a restore drill may run before its scratch namespaces are removed (default"
                + " 2h).")
        String drillTimeout) {

  public static BackupPolicy defaults() {
    return new BackupPolicy(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public String minimumBackupIntervalOrDefault() {
    return minimumBackupInterval == null ? "1h" : minimumBackupInterval;
  }

  public String minimumDrillIntervalOrDefault() {
    return minimumDrillInterval == null ? "24h" : minimumDrillInterval;
  }

  public String drillTimeoutOrDefault() {
    return drillTimeout == null ? "2h" : drillTimeout;
  }

  public boolean deleteWithoutFinalBackupOrDefault() {
    return Boolean.TRUE.equals(deleteWithoutFinalBackup);
  }

  public String veleroNamespaceOrDefault() {
    return veleroNamespace == null ? "velero" : veleroNamespace;
  }

  public String storageLocationOrDefault() {
    return storageLocation == null ? "default" : storageLocation;
  }

  public String minimumRetentionOrDefault() {
    return minimumRetention == null ? "168h" : minimumRetention;
  }

  public String defaultRetentionOrDefault() {
    return defaultRetention == null ? "720h" : defaultRetention;
  }

  public String restoreTestIntervalOrDefault() {
    return restoreTestInterval == null ? "2160h" : restoreTestInterval;
  }

  public boolean volumeDataOrDefault() {
    return volumeData == null || volumeData;
  }

  public List<DataClassification> mandatoryForOrEmpty() {
    return mandatoryFor == null ? List.of() : mandatoryFor;
  }

  public String finalBackupTimeoutOrDefault() {
    return finalBackupTimeout == null ? "1h" : finalBackupTimeout;
  }
}
