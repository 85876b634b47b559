package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.timing.GoDuration;
import org.researchclouds.operator.velero.VeleroSchedule;

/**
 * The Velero Schedule that backs up all of a project's namespaces, in Velero's namespace. Backups
 * carry the project's own labels (never a GitOps tool's tracking label, which would make Argo CD
 * prune them) and never an owner reference, so that they outlive the Schedule and the project.
 */
public final class BackupScheduleDesired {

  private BackupScheduleDesired() {}

  /** Whether the project is backed up: on by default, and always where the baseline says so. */
  public static boolean enabled(ResearchProject project, SecurityBaseline baseline) {
    return !Boolean.FALSE.equals(project.getSpec().backupOrDefault().enabled())
        || mandatory(project, baseline);
  }

  public static boolean mandatory(ResearchProject project, SecurityBaseline baseline) {
    return baseline
        .getSpec()
        .backupOrDefault()
        .mandatoryForOrEmpty()
        .contains(project.getSpec().dataClassification());
  }

  /** The project's retention, or the baseline's default, never below the baseline's minimum. */
  public static Duration retention(ResearchProject project, SecurityBaseline baseline) {
    BackupPolicy policy = baseline.getSpec().backupOrDefault();
    String asked = project.getSpec().backupOrDefault().retention();
    Duration retention =
        GoDuration.parse(asked == null ? policy.defaultRetentionOrDefault() : asked);
    Duration minimum = GoDuration.parse(policy.minimumRetentionOrDefault());
    return retention.compareTo(minimum) < 0 ? minimum : retention;
  }

  public static VeleroSchedule desired(ResearchProject project, SecurityBaseline baseline) {
    String name = project.getMetadata().getName();
    VeleroSchedule schedule = new VeleroSchedule();
    schedule.setMetadata(
        veleroMetadata(project, baseline, Names.backupSchedule(name))
            .withOwnerReferences(OwnerReferences.of(project))
            .build());
    schedule.setSpec(
        Map.of(
            "schedule", project.getSpec().backupOrDefault().scheduleOrDefault(),
            "useOwnerReferencesInBackup", false,
            "template", backupSpec(project, baseline)));
    return schedule;
  }

  /** A Velero object's metadata: in Velero's namespace, labelled with the project. */
  static ObjectMetaBuilder veleroMetadata(
      ResearchProject project, SecurityBaseline baseline, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(baseline.getSpec().backupOrDefault().veleroNamespaceOrDefault())
        .withLabels(Names.managedLabels(project));
  }

  /** What every backup of the project contains; the final backup takes the same. */
  public static Map<String, Object> backupSpec(ResearchProject project, SecurityBaseline baseline) {
    BackupPolicy policy = baseline.getSpec().backupOrDefault();
    BackupSpec backup = project.getSpec().backupOrDefault();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("metadata", Map.of("labels", Names.managedLabels(project)));
    spec.put("includedNamespaces", project.namespaceNames());
    if (!backup.includedResourcesOrEmpty().isEmpty()) {
      spec.put("includedResources", backup.includedResourcesOrEmpty());
    }
    spec.put("storageLocation", policy.storageLocationOrDefault());
    spec.put("ttl", GoDuration.format(retention(project, baseline)));
    spec.put("defaultVolumesToFsBackup", policy.volumeDataOrDefault());
    return spec;
  }
}
