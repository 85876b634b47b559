package org.researchclouds.operator.controls;

import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.velero.VeleroBackup;
import org.researchclouds.operator.velero.VeleroBackupStorageLocation;
import org.researchclouds.operator.velero.VeleroRestore;
import org.researchclouds.operator.velero.VeleroSchedule;

/**
 * What the operator sees of Velero for one project.
 *
 * @param installed whether Velero's CRDs exist in the cluster
 * @param schedule the project's Schedule
 * @param backups the Backups of that Schedule and the project's final backup
 * @param restores the Restores of the project's backups
 * @param storageLocation the baseline's BackupStorageLocation
 */
public record VeleroState(
    boolean installed,
    Optional<VeleroSchedule> schedule,
    List<VeleroBackup> backups,
    List<VeleroRestore> restores,
    Optional<VeleroBackupStorageLocation> storageLocation) {

  public static VeleroState absent() {
    return new VeleroState(false, Optional.empty(), List.of(), List.of(), Optional.empty());
  }
}
