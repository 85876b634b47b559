package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.Optional;
import org.researchclouds.operator.api.BackupStatus;
import org.researchclouds.operator.api.RestoreTest;
import org.researchclouds.operator.controls.Observation;
import org.researchclouds.operator.controls.VeleroObjects;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.resources.BackupScheduleDesired;
import org.researchclouds.operator.timing.GoDuration;
import org.researchclouds.operator.velero.VeleroBackup;

/** The backup part of the status: the schedule, the retention in force, the newest results. */
final class BackupReport {
  private BackupReport() {}

  static BackupStatus of(Observation observation) {
    VeleroState velero = observation.velero();
    if (!velero.installed()
        || !BackupScheduleDesired.enabled(observation.project(), observation.baseline())) {
      return null;
    }
    Optional<VeleroBackup> backup = VeleroObjects.newestFinished(velero.backups());
    return new BackupStatus(
        velero.schedule().map(s -> s.getMetadata().getName()).orElse(null),
        retention(observation),
        backup.map(b -> b.getMetadata().getName()).orElse(null),
        backup.map(VeleroObjects::phase).orElse(null),
        backup.flatMap(VeleroObjects::completed).map(Object::toString).orElse(null),
        VeleroObjects.newestFinished(velero.restores())
            .map(BackupReport::restoreTest)
            .orElse(null));
  }

  private static String retention(Observation observation) {
    Duration applied =
        BackupScheduleDesired.retention(observation.project(), observation.baseline());
    String asked = observation.project().getSpec().backupOrDefault().retention();
    if (asked != null && GoDuration.parse(asked).compareTo(applied) < 0) {
      return GoDuration.format(applied)
          + " (raised from "
          + asked
          + " to the SecurityBaseline's minimum)";
    }
    return GoDuration.format(applied);
  }

  private static RestoreTest restoreTest(GenericKubernetesResource restore) {
    Long seconds =
        VeleroObjects.started(restore)
            .flatMap(
                s -> VeleroObjects.completed(restore).map(c -> Duration.between(s, c).getSeconds()))
            .orElse(null);
    return new RestoreTest(
        restore.getMetadata().getName(),
        VeleroObjects.phase(restore),
        VeleroObjects.itemsRestored(restore).orElse(null),
        seconds,
        VeleroObjects.completed(restore).map(Object::toString).orElse(null));
  }
}
