package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

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
    Optional<GenericKubernetesResource> schedule,
    List<GenericKubernetesResource> backups,
    List<GenericKubernetesResource> restores,
    Optional<GenericKubernetesResource> storageLocation) {

  public static VeleroState absent() {
    return new VeleroState(false, Optional.empty(), List.of(), List.of(), Optional.empty());
  }
}
