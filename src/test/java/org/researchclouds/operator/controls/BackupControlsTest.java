package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.VeleroFixtures;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.BackupScheduleDesired;
import org.researchclouds.operator.velero.VeleroBackup;
import org.researchclouds.operator.velero.VeleroRestore;
import org.researchclouds.operator.velero.VeleroSchedule;

/** The backup controls over Backup and Restore lists in every phase, at the edges of time. */
class BackupControlsTest {
  private static final Instant NOW = Fixtures.NOW;
  private final SecurityBaseline baseline = Fixtures.baseline();
  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final BackupRecoveryControl control = new BackupRecoveryControl();

  @Test
  void metWithAFreshBackupAndARecentRestoreTest() {
    Finding finding =
        control.evaluate(observe(project, VeleroFixtures.healthy(project, baseline, NOW)));

    assertThat(finding.state()).isEqualTo(ResponsibilityState.Met);
    assertThat(finding.message()).contains("completed at").contains("succeeded at");
  }

  @Test
  void unknownWhenBackupsAreOffOrVeleroIsMissing() {
    ResearchProject off =
        Fixtures.with(Fixtures.project("lab", "lab"), "backup", Fixtures.noBackups());

    assertThat(control.evaluate(observe(off, VeleroFixtures.healthy(off, baseline, NOW))))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "BackupsDisabled");
    assertThat(control.evaluate(observe(project, VeleroState.absent())))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "VeleroNotInstalled");
  }

  @Test
  void notMetWithoutTheSchedule() {
    assertThat(reason(state(Optional.empty(), List.of(), List.of()))).isEqualTo("ScheduleMissing");
  }

  @Test
  void everyUnsuccessfulPhaseOfTheNewestBackupIsAFailure() {
    for (String phase : List.of("PartiallyFailed", "Failed", "FailedValidation")) {
      assertThat(reason(withBackups(backup("Completed", 30), backup(phase, 2))))
          .as(phase)
          .isEqualTo("BackupFailed");
    }
  }

  @Test
  void aBackupStillRunningDefersToTheNewestFinishedOne() {
    VeleroBackup running = backup("InProgress", 1);
    running.setAdditionalProperty("status", java.util.Map.of("phase", "InProgress"));

    assertThat(reason(withBackups(backup("Completed", 5), running)))
        .isEqualTo("BackupsRecoverable");
    assertThat(reason(withBackups(running))).isEqualTo("NoBackupYet");
  }

  @Test
  void aBackupIsFreshForTwiceTheScheduleInterval() {
    // The default schedule is daily: a backup may be up to 48 hours old.
    assertThat(reason(withBackups(backup("Completed", 47)))).isEqualTo("BackupsRecoverable");
    assertThat(reason(withBackups(backup("Completed", 48)))).isEqualTo("BackupsRecoverable");
    assertThat(reason(withBackups(backup("Completed", 49)))).isEqualTo("BackupStale");
  }

  @Test
  void aRestoreTestIsNeededWithinTheInterval() {
    VeleroBackup fresh = backup("Completed", 3);
    assertThat(reason(state(schedule(), List.of(fresh), List.of()))).isEqualTo("NoRestoreTest");
    assertThat(reason(state(schedule(), List.of(fresh), List.of(restore("PartiallyFailed", 5)))))
        .as("a partial restore is no successful test")
        .isEqualTo("NoRestoreTest");
    assertThat(reason(state(schedule(), List.of(fresh), List.of(restore("Completed", 89)))))
        .isEqualTo("BackupsRecoverable");
    assertThat(reason(state(schedule(), List.of(fresh), List.of(restore("Completed", 91)))))
        .isEqualTo("RestoreTestOverdue");
  }

  @Test
  void theProjectMaySetItsOwnRestoreTestInterval() {
    ResearchProject monthly =
        Fixtures.with(
            Fixtures.project("lab", "lab"),
            "backup",
            new BackupSpec(true, null, null, null, "720h", null));
    VeleroState state =
        new VeleroState(
            true,
            Optional.of(BackupScheduleDesired.desired(monthly, baseline)),
            List.of(backup("Completed", 3)),
            List.of(restore("Completed", 45)),
            Optional.empty());

    assertThat(control.evaluate(observe(monthly, state)).reason()).isEqualTo("RestoreTestOverdue");
  }

  @Test
  void theBackupServiceNeedsVeleroAndAnAvailableStorageLocation() {
    BackupServiceControl service = new BackupServiceControl();

    assertThat(service.evaluate(observe(project, VeleroState.absent())).reason())
        .isEqualTo("VeleroNotInstalled");
    assertThat(service.evaluate(observe(project, withLocation(null))).reason())
        .isEqualTo("StorageLocationMissing");
    assertThat(service.evaluate(observe(project, withLocation("Unavailable"))).reason())
        .isEqualTo("StorageLocationUnavailable");
    assertThat(service.evaluate(observe(project, withLocation("Available"))).state())
        .isEqualTo(ResponsibilityState.Met);
  }

  private VeleroState withLocation(String phase) {
    return new VeleroState(
        true,
        schedule(),
        List.of(),
        List.of(),
        phase == null
            ? Optional.empty()
            : Optional.of(VeleroFixtures.storageLocation("default", phase)));
  }

  private VeleroState withBackups(VeleroBackup... backups) {
    return state(schedule(), List.of(backups), List.of(restore("Completed", 10)));
  }

  private Optional<VeleroSchedule> schedule() {
    return Optional.of(BackupScheduleDesired.desired(project, baseline));
  }

  private static VeleroState state(
      Optional<VeleroSchedule> schedule, List<VeleroBackup> backups, List<VeleroRestore> restores) {
    return new VeleroState(true, schedule, backups, restores, Optional.empty());
  }

  private VeleroBackup backup(String phase, int hoursAgo) {
    return VeleroFixtures.backup(project, phase, NOW.minus(Duration.ofHours(hoursAgo)));
  }

  private VeleroRestore restore(String phase, int daysAgo) {
    return VeleroFixtures.restore(project, phase, NOW.minus(Duration.ofDays(daysAgo)));
  }

  private String reason(VeleroState state) {
    return control.evaluate(observe(project, state)).reason();
  }

  private Observation observe(ResearchProject project, VeleroState velero) {
    return Fixtures.applied(project, baseline, velero);
  }
}
