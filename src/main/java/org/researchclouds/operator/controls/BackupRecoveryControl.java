package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.BackupScheduleDesired;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.timing.CronSchedule;
import org.researchclouds.operator.timing.GoDuration;
import org.researchclouds.operator.velero.VeleroBackup;
import org.researchclouds.operator.velero.VeleroRestore;

/**
 * Tenant: implement and test backup and recovery procedures. The project's Velero Schedule exists,
 * its newest backup completed within twice the schedule's interval, and a restore succeeded within
 * the restore-test interval.
 */
public final class BackupRecoveryControl implements Control {
  @Override
  public String id() {
    return "tenant/backup-recovery";
  }

  @Override
  public Owner owner() {
    return Owner.Tenant;
  }

  @Override
  public Finding evaluate(Observation observation) {
    ResearchProject project = observation.project();
    SecurityBaseline baseline = observation.baseline();
    VeleroState velero = observation.velero();
    if (!BackupScheduleDesired.enabled(project, baseline)) {
      return Finding.unknown(
          "BackupsDisabled",
          "The project switched its Velero backups off, so the operator cannot tell how its data"
              + " is backed up; set spec.backup.enabled to true.");
    }
    if (!velero.installed()) {
      return Finding.unknown(
          "VeleroNotInstalled",
          "The cluster has no Velero, so nothing backs the project up; the platform team"
              + " installs it and the operator then creates the schedule.");
    }
    if (velero.schedule().isEmpty()) {
      return Finding.notMet(
          "ScheduleMissing",
          "The Velero Schedule "
              + Names.backupSchedule(observation.projectName())
              + " is missing; the operator creates it.");
    }
    Optional<Finding> backupGap = backupGap(observation);
    if (backupGap.isPresent()) {
      return backupGap.get();
    }
    Optional<Finding> restoreGap = restoreGap(observation);
    if (restoreGap.isPresent()) {
      return restoreGap.get();
    }
    GenericKubernetesResource backup = VeleroObjects.newestFinished(velero.backups()).orElseThrow();
    GenericKubernetesResource restore = newestSuccessfulRestore(velero).orElseThrow();
    return Finding.met(
        "BackupsRecoverable",
        "Backup "
            + backup.getMetadata().getName()
            + " completed at "
            + VeleroObjects.completed(backup).orElseThrow()
            + "; restore "
            + restore.getMetadata().getName()
            + " succeeded at "
            + VeleroObjects.completed(restore).orElseThrow()
            + ".");
  }

  private static Optional<Finding> backupGap(Observation observation) {
    Optional<VeleroBackup> newest = VeleroObjects.newestFinished(observation.velero().backups());
    if (newest.isEmpty()) {
      return Optional.of(
          Finding.notMet(
              "NoBackupYet",
              "No backup of the project has finished yet; the first runs at the schedule's next"
                  + " time ("
                  + observation.project().getSpec().backupOrDefault().scheduleOrDefault()
                  + ")."));
    }
    GenericKubernetesResource backup = newest.get();
    String name = backup.getMetadata().getName();
    if (!VeleroObjects.succeeded(backup)) {
      return Optional.of(
          Finding.notMet(
              "BackupFailed",
              "The newest backup "
                  + name
                  + " ended "
                  + VeleroObjects.phase(backup)
                  + " with "
                  + VeleroObjects.errors(backup)
                  + " error(s); read `velero backup logs "
                  + name
                  + "` and fix what it names."));
    }
    Duration window = freshnessWindow(observation);
    Instant completed = VeleroObjects.completed(backup).orElse(Instant.EPOCH);
    if (completed.plus(window).isBefore(observation.now())) {
      return Optional.of(
          Finding.notMet(
              "BackupStale",
              "The newest successful backup "
                  + name
                  + " completed at "
                  + completed
                  + ", more than "
                  + GoDuration.format(window)
                  + " (twice the schedule's interval) ago; check that Velero runs the schedule."));
    }
    return Optional.empty();
  }

  private static Optional<Finding> restoreGap(Observation observation) {
    Duration interval =
        GoDuration.parse(
            Optional.ofNullable(
                    observation.project().getSpec().backupOrDefault().restoreTestInterval())
                .orElse(
                    observation
                        .baseline()
                        .getSpec()
                        .backupOrDefault()
                        .restoreTestIntervalOrDefault()));
    Optional<VeleroRestore> newest = newestSuccessfulRestore(observation.velero());
    String todo =
        " Test recovery: enable spec.backup.restoreDrill, or restore a backup with a Velero Restore"
            + " labelled "
            + Names.PROJECT_LABEL
            + "="
            + observation.projectName()
            + ".";
    if (newest.isEmpty()) {
      return Optional.of(
          Finding.notMet(
              "NoRestoreTest", "No restore of the project's backups has succeeded yet." + todo));
    }
    Instant completed = VeleroObjects.completed(newest.get()).orElse(Instant.EPOCH);
    if (completed.plus(interval).isBefore(observation.now())) {
      return Optional.of(
          Finding.notMet(
              "RestoreTestOverdue",
              "The last successful restore test finished at "
                  + completed
                  + ", longer ago than "
                  + GoDuration.format(interval)
                  + "."
                  + todo));
    }
    return Optional.empty();
  }

  private static Optional<VeleroRestore> newestSuccessfulRestore(VeleroState velero) {
    return VeleroObjects.newestFinished(
        velero.restores().stream().filter(VeleroObjects::succeeded).toList());
  }

  private static Duration freshnessWindow(Observation observation) {
    return CronSchedule.parse(observation.project().getSpec().backupOrDefault().scheduleOrDefault())
        .longestGap(observation.now())
        .multipliedBy(2);
  }
}
