package org.researchclouds.operator.write;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.VeleroObjects;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.resources.BackupScheduleDesired;
import org.researchclouds.operator.resources.FinalBackupDesired;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.timing.GoDuration;
import org.researchclouds.operator.velero.VeleroBackup;

/**
 * Before a project deleted with deletionPolicy Delete loses its namespaces, one last Backup of them
 * must complete. Until it has, the namespaces stay; when it fails or takes too long, they stay for
 * good, and the outcome says why and what to do.
 */
public final class FinalBackup {
  /** Where a deletion stands with its final backup. */
  public enum Stage {
    /** Nothing to wait for: the namespaces may go. */
    DONE,
    WAITING,
    BLOCKED
  }

  /** The stage, and for WAITING and BLOCKED a CamelCase reason and a message. */
  public record Outcome(Stage stage, String reason, String message) {}

  private final ObjectWriter writer;

  public FinalBackup(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  /**
   * @param heldNamespaces the namespaces the project holds by its UID, the only ones the backup
   *     takes and the deletion removes
   * @param backupCache the informer of Velero's Backups, which learns of the backup at once; asked
   *     for only once Velero is known to be installed, as it is registered only then
   */
  public Outcome take(
      ResearchProject project,
      SecurityBaseline baseline,
      VeleroState velero,
      List<String> heldNamespaces,
      Instant now,
      Supplier<InformerEventSource<VeleroBackup, ResearchProject>> backupCache) {
    if (!BackupScheduleDesired.enabled(project, baseline)
        && baseline.getSpec().backupOrDefault().deleteWithoutFinalBackupOrDefault()) {
      return new Outcome(Stage.DONE, null, null);
    }
    String name = Names.finalBackup(project);
    if (!velero.installed()) {
      return new Outcome(
          Stage.BLOCKED,
          "FinalBackupImpossible",
          "Velero is not installed, so no final backup can be taken; the namespaces are kept."
              + " Install Velero, or set spec.deletionPolicy to Retain to release them.");
    }
    Optional<VeleroBackup> backup =
        velero.backups().stream().filter(b -> name.equals(b.getMetadata().getName())).findFirst();
    if (backup.isEmpty()) {
      writer.create(
          project,
          FinalBackupDesired.desired(project, baseline, heldNamespaces),
          backupCache.get(),
          "Created",
          "the final backup before deleting the namespaces");
      return waiting(name);
    }
    if (VeleroObjects.succeeded(backup.get())) {
      return new Outcome(Stage.DONE, null, null);
    }
    if (VeleroObjects.finished(backup.get())) {
      return new Outcome(
          Stage.BLOCKED,
          "FinalBackupFailed",
          "The final backup "
              + name
              + " ended "
              + VeleroObjects.phase(backup.get())
              + ", so the namespaces are kept. Read `velero backup logs "
              + name
              + "`, fix the cause and delete that Backup to try again, or set"
              + " spec.deletionPolicy to Retain.");
    }
    Duration timeout =
        GoDuration.parse(baseline.getSpec().backupOrDefault().finalBackupTimeoutOrDefault());
    Instant started = Instant.parse(backup.get().getMetadata().getCreationTimestamp());
    if (started.plus(timeout).isBefore(now)) {
      return new Outcome(
          Stage.BLOCKED,
          "FinalBackupTimedOut",
          "The final backup "
              + name
              + " has not finished within "
              + GoDuration.format(timeout)
              + ", so the namespaces are kept. Check Velero, or set spec.deletionPolicy to"
              + " Retain.");
    }
    return waiting(name);
  }

  private static Outcome waiting(String name) {
    return new Outcome(
        Stage.WAITING,
        "FinalBackupInProgress",
        "Waiting for the final backup " + name + " before deleting the namespaces.");
  }
}
