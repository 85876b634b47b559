package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.researchclouds.operator.api.Owner;

/**
 * Platform: configure and manage the storage capabilities the tenants build on. For backups that is
 * Velero with an available BackupStorageLocation; without it, no tenant can meet its backup duty,
 * and the platform side says so.
 */
public final class BackupServiceControl implements Control {
  @Override
  public String id() {
    return "platform/backup-service";
  }

  @Override
  public Owner owner() {
    return Owner.Platform;
  }

  @Override
  public Finding evaluate(Observation observation) {
    VeleroState velero = observation.velero();
    String location = observation.baseline().getSpec().backupOrDefault().storageLocationOrDefault();
    if (!velero.installed()) {
      return Finding.notMet(
          "VeleroNotInstalled",
          "The cluster offers no backup service: install Velero, with a BackupStorageLocation "
              + location
              + ".");
    }
    if (velero.storageLocation().isEmpty()) {
      return Finding.notMet(
          "StorageLocationMissing",
          "Velero has no BackupStorageLocation "
              + location
              + "; create it, or name another in the SecurityBaseline.");
    }
    GenericKubernetesResource bsl = velero.storageLocation().get();
    Object phase = bsl.get("status", "phase");
    if (phase == null) {
      return Finding.unknown(
          "StorageLocationUnchecked",
          "Velero has not yet reported whether BackupStorageLocation "
              + location
              + " is available.");
    }
    if (!"Available".equals(phase.toString())) {
      return Finding.notMet(
          "StorageLocationUnavailable",
          "BackupStorageLocation " + location + " is " + phase + "; backups cannot be written.");
    }
    return Finding.met(
        "BackupServiceAvailable",
        "Velero backs up to BackupStorageLocation " + location + ", which is available.");
  }
}
