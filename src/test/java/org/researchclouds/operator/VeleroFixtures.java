package org.researchclouds.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
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
  public static GenericKubernetesResource backup(
      ResearchProject project, String phase, Instant completed) {
    String schedule = Names.backupSchedule(project.getMetadata().getName());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", phase);
    status.put("startTimestamp", completed.minus(Duration.ofMinutes(5)).toString());
    status.put("completionTimestamp", completed.toString());
    if (!"Completed".equals(phase)) {
      status.put("errors", 2);
    }
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("velero.io/v1")
        .withKind("Backup")
        .withNewMetadata()
        .withName(schedule + "-" + completed.getEpochSecond())
        .withNamespace(NAMESPACE)
        .addToLabels(Names.managedLabels(project))
        .addToLabels(Names.VELERO_SCHEDULE_LABEL, schedule)
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of("includedNamespaces", project.namespaceNames(), "storageLocation", "default"))
        .addToAdditionalProperties("status", status)
        .build();
  }

  /** A Restore of the project's backups that finished at {@code completed}. */
  public static GenericKubernetesResource restore(
      ResearchProject project, String phase, Instant completed) {
    String name = project.getMetadata().getName();
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("velero.io/v1")
        .withKind("Restore")
        .withNewMetadata()
        .withName("restore-" + name + "-" + completed.getEpochSecond())
        .withNamespace(NAMESPACE)
        .addToLabels(Names.managedLabels(project))
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("backupName", Names.backupSchedule(name) + "-1"))
        .addToAdditionalProperties(
            "status",
            Map.of(
                "phase", phase,
                "startTimestamp", completed.minus(Duration.ofMinutes(2)).toString(),
                "completionTimestamp", completed.toString(),
                "progress", Map.of("itemsRestored", 42, "totalItems", 42)))
        .build();
  }

  public static GenericKubernetesResource storageLocation(String name, String phase) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("velero.io/v1")
        .withKind("BackupStorageLocation")
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of("provider", "aws", "objectStorage", Map.of("bucket", "research-backups")))
        .addToAdditionalProperties("status", Map.of("phase", phase))
        .build();
  }
}
