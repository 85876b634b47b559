package org.researchclouds.operator.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.velero.VeleroBackup;

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
  public static VeleroBackup desired(
      ResearchProject project, SecurityBaseline baseline, List<String> heldNamespaces) {
    Map<String, Object> spec =
        new LinkedHashMap<>(BackupScheduleDesired.backupSpec(project, baseline));
    spec.put("includedNamespaces", heldNamespaces);
    // Everything in them: a spec edited while the deletion waits must not hollow out the last
    // copy of the data.
    spec.remove("includedResources");
    VeleroBackup backup = new VeleroBackup();
    backup.setMetadata(
        BackupScheduleDesired.veleroMetadata(project, baseline, Names.finalBackup(project))
            .addToLabels(Names.FINAL_BACKUP_LABEL, "true")
            .build());
    backup.setSpec(spec);
    return backup;
  }
}
