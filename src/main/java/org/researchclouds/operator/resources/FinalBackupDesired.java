package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/**
 * The last Backup of a project whose namespaces are about to be deleted. It has no owner: it must
 * outlive the project it saves.
 */
public final class FinalBackupDesired {
  private FinalBackupDesired() {}

  public static GenericKubernetesResource desired(
      ResearchProject project, SecurityBaseline baseline) {
    String name = project.getMetadata().getName();
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(BackupScheduleDesired.VELERO_API)
        .withKind("Backup")
        .withNewMetadata()
        .withName(Names.finalBackup(name))
        .withNamespace(baseline.getSpec().backupOrDefault().veleroNamespaceOrDefault())
        .withLabels(Names.managedLabels(name))
        .addToLabels(Names.FINAL_BACKUP_LABEL, "true")
        .endMetadata()
        .addToAdditionalProperties("spec", BackupScheduleDesired.backupSpec(project, baseline))
        .build();
  }
}
