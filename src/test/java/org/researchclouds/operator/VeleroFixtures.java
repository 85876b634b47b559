package org.researchclouds.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.resources.BackupScheduleDesired;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.velero.VeleroBackup;
import org.researchclouds.operator.velero.VeleroBackupStorageLocation;
import org.researchclouds.operator.velero.VeleroRestore;

/** Velero's objects as Velero writes them, for tests of what the operator reads. */
public final class VeleroFixtures {
  public static final String NAMESPACE = "velero";

  private VeleroFixtures() {}

  /** Velero installed, the schedule in place, a fresh backup and a recent successful restore. */
  public static VeleroState healthy(
      ResearchProject project, SecurityBaseline baseline, Instant now) {
    return new VeleroState(
        true,
        Optional.of(BackupScheduleDesired.desired(project, baseline)),
        List.of(backup(project, "Completed", now.minus(Duration.ofHours(3)))),
        List.of(restore(project, "Completed", now.minus(Duration.ofDays(10)))),
        Optional.of(storageLocation("default", "Available")));
  }

  /**
   * A Backup of the project's schedule that finished at {@code completed}, labelled as Velero
   * labels it: with the Schedule's template labels and name.
   */
  public static VeleroBackup backup(ResearchProject project, String phase, Instant completed) {
    String schedule = Names.backupSchedule(project.getMetadata().getName());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", phase);
    status.put("startTimestamp", completed.minus(Duration.ofMinutes(5)).toString());
    status.put("completionTimestamp", completed.toString());
    if (!"Completed".equals(phase)) {
      status.put("errors", 2);
    }
    VeleroBackup backup = new VeleroBackup();
    backup.setMetadata(
        new ObjectMetaBuilder()
            .withName(schedule + "-" + completed.getEpochSecond())
            .withNamespace(NAMESPACE)
            .addToLabels(Names.managedLabels(project))
            .addToLabels(Names.VELERO_SCHEDULE_LABEL, schedule)
            .build());
    backup.setSpec(
        Map.of("includedNamespaces", project.namespaceNames(), "storageLocation", "default"));
    backup.setAdditionalProperty("status", status);
    return backup;
  }

  /** A Restore of the project's backups that finished at {@code completed}. */
  public static VeleroRestore restore(ResearchProject project, String phase, Instant completed) {
    String name = project.getMetadata().getName();
    VeleroRestore restore = new VeleroRestore();
    restore.setMetadata(
        new ObjectMetaBuilder()
            .withName("restore-" + name + "-" + completed.getEpochSecond())
            .withNamespace(NAMESPACE)
            .addToLabels(Names.managedLabels(project))
            .build());
    restore.setSpec(Map.of("backupName", Names.backupSchedule(name) + "-1"));
    restore.setAdditionalProperty(
        "status",
        Map.of(
            "phase", phase,
            "startTimestamp", completed.minus(Duration.ofMinutes(2)).toString(),
            "completionTimestamp", completed.toString(),
            "progress", Map.of("itemsRestored", 42, "totalItems", 42)));
    return restore;
  }

  public static VeleroBackupStorageLocation storageLocation(String name, String phase) {
    VeleroBackupStorageLocation location = new VeleroBackupStorageLocation();
    location.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    location.setSpec(
        Map.of("provider", "aws", "objectStorage", Map.of("bucket", "research-backups")));
    location.setAdditionalProperty("status", Map.of("phase", phase));
    return location;
  }
}
