package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/**
 * The last Backup of a project whose namespaces are about to be deleted. It has no owner: it must
 * outlive the project it saves.
 */
public final class FinalBackupDesired {
  private FinalBackupDesired() {}

  /**
   * @param heldNamespaces the namespaces the project holds by its UID: only those are backed up,
   *     whatever the spec lists, so that a spec edited during a deletion cannot copy another team's
   *     namespace into this project's backup
   */
  public static GenericKubernetesResource desired(
      ResearchProject project, SecurityBaseline baseline, List<String> heldNamespaces) {
    Map<String, Object> spec =
        new LinkedHashMap<>(BackupScheduleDesired.backupSpec(project, baseline));
    spec.put("includedNamespaces", heldNamespaces);
    // Everything in them: a spec edited while the deletion waits must not hollow out the last
    // copy of the data.
    spec.remove("includedResources");
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(BackupScheduleDesired.VELERO_API)
        .withKind("Backup")
        .withNewMetadata()
        .withName(Names.finalBackup(project))
        .withNamespace(baseline.getSpec().backupOrDefault().veleroNamespaceOrDefault())
        .withLabels(Names.managedLabels(project))
        .addToLabels(Names.FINAL_BACKUP_LABEL, "true")
        .endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }
}
