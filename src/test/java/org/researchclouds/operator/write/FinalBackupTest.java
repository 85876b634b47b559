package org.researchclouds.operator.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.resources.FinalBackupDesired;
import org.researchclouds.operator.velero.VeleroBackup;
import org.researchclouds.operator.write.FinalBackup.Outcome;
import org.researchclouds.operator.write.FinalBackup.Stage;

/** Where a held deletion stands, for each state of its final backup (creation is an IT's job). */
class FinalBackupTest {
  private static final Instant NOW = Fixtures.NOW;
  private final SecurityBaseline baseline = Fixtures.baseline();
  private final ResearchProject project =
      Fixtures.project(
          "lab", Fixtures.spec(List.of("lab"), new NetworkSpec(null, null), DeletionPolicy.Delete));
  private static final List<String> HELD = List.of("lab");
  private final FinalBackup finalBackup = new FinalBackup(null, null);

  @Test
  void backupsOffStillNeedAFinalBackupUnlessTheBaselineWaivesIt() {
    ResearchProject off = Fixtures.with(project, "backup", Fixtures.noBackups());
    SecurityBaseline waived =
        Fixtures.with(
            baseline,
            "backup",
            new BackupPolicy(
                null, null, null, null, null, null, null, null, true, null, null, null));

    assertThat(finalBackup.take(off, baseline, VeleroState.absent(), HELD, NOW, null))
        .extracting(Outcome::stage, Outcome::reason)
        .containsExactly(Stage.BLOCKED, "FinalBackupImpossible");
    assertThat(finalBackup.take(off, waived, VeleroState.absent(), HELD, NOW, null).stage())
        .isEqualTo(Stage.DONE);
  }

  @Test
  void impossibleWithoutVelero() {
    assertThat(finalBackup.take(project, baseline, VeleroState.absent(), HELD, NOW, null))
        .extracting(Outcome::stage, Outcome::reason)
        .containsExactly(Stage.BLOCKED, "FinalBackupImpossible");
  }

  @Test
  void followsThePhaseOfTheFinalBackup() {
    assertThat(take(withPhase(null, 5)).stage()).isEqualTo(Stage.WAITING);
    assertThat(take(withPhase("InProgress", 5)).reason()).isEqualTo("FinalBackupInProgress");
    assertThat(take(withPhase("Completed", 5)).stage()).isEqualTo(Stage.DONE);
    assertThat(take(withPhase("PartiallyFailed", 5)))
        .extracting(Outcome::stage, Outcome::reason)
        .containsExactly(Stage.BLOCKED, "FinalBackupFailed");
    assertThat(take(withPhase("Failed", 5)).message()).contains("deletionPolicy to Retain");
  }

  @Test
  void givesUpWaitingAfterTheBaselinesTimeout() {
    assertThat(take(withPhase("InProgress", 59)).stage()).isEqualTo(Stage.WAITING);
    assertThat(take(withPhase("InProgress", 61)))
        .extracting(Outcome::stage, Outcome::reason)
        .containsExactly(Stage.BLOCKED, "FinalBackupTimedOut");
  }

  private Outcome take(VeleroBackup backup) {
    VeleroState velero =
        new VeleroState(true, Optional.empty(), List.of(backup), List.of(), Optional.empty());
    return finalBackup.take(project, baseline, velero, HELD, NOW, null);
  }

  private VeleroBackup withPhase(String phase, int minutesAgo) {
    VeleroBackup backup = FinalBackupDesired.desired(project, baseline, HELD);
    backup.getMetadata().setCreationTimestamp(NOW.minus(Duration.ofMinutes(minutesAgo)).toString());
    if (phase != null) {
      backup.setAdditionalProperty(
          "status",
          "InProgress".equals(phase)
              ? Map.of("phase", phase)
              : Map.of("phase", phase, "completionTimestamp", NOW.toString()));
    }
    return backup;
  }
}
