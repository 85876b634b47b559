package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.DataClassification;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/** The Velero objects the operator writes: their content, and validity against Velero's CRDs. */
class BackupObjectsTest {
  private final SecurityBaseline baseline = Fixtures.baseline();

  @Test
  void theScheduleBacksUpEveryProjectNamespaceWithTheProjectsLabelsOnly() {
    ResearchProject project =
        withBackup(
            new BackupSpec(
                null, "30 1 * * *", "336h", List.of("persistentvolumeclaims"), null, null));

    GenericKubernetesResource schedule = BackupScheduleDesired.desired(project, baseline);

    assertThat(schedule.getMetadata().getName()).isEqualTo("rp-lab");
    assertThat(schedule.getMetadata().getNamespace()).isEqualTo("velero");
    assertThat((Object) schedule.get("spec", "schedule")).isEqualTo("30 1 * * *");
    assertThat((Object) schedule.get("spec", "useOwnerReferencesInBackup")).isEqualTo(false);
    Map<String, Object> template = schedule.get("spec", "template");
    assertThat(template)
        .containsEntry("includedNamespaces", List.of("lab", "lab-web"))
        .containsEntry("includedResources", List.of("persistentvolumeclaims"))
        .containsEntry("ttl", "336h0m0s")
        .containsEntry("storageLocation", "default")
        .containsEntry("defaultVolumesToFsBackup", true)
        .containsEntry("metadata", Map.of("labels", Names.managedLabels(project)));
    assertThat(schedule.getMetadata().getLabels()).doesNotContainKey("app.kubernetes.io/instance");
    assertThat(UpstreamSchemas.crdErrors(schedule, "velero.io_schedules.yaml")).isEmpty();
  }

  @Test
  void retentionFollowsTheBaselinesDefaultAndNeverGoesBelowItsMinimum() {
    SecurityBaseline strict =
        withPolicy(
            new BackupPolicy(
                "backups",
                "s3",
                "720h",
                "2160h",
                null,
                false,
                List.of(DataClassification.SENSITIVE),
                null,
                null,
                null,
                null,
                null));

    assertThat(BackupScheduleDesired.retention(withBackup(null), strict)).hasDays(90);
    assertThat(
            BackupScheduleDesired.retention(
                withBackup(new BackupSpec(null, null, "24h", null, null, null)), strict))
        .hasDays(30);
    assertThat(
            BackupScheduleDesired.retention(
                withBackup(new BackupSpec(null, null, "8760h", null, null, null)), strict))
        .hasDays(365);
    GenericKubernetesResource schedule = BackupScheduleDesired.desired(withBackup(null), strict);
    assertThat(schedule.getMetadata().getNamespace()).isEqualTo("backups");
    assertThat((Object) schedule.get("spec", "template", "storageLocation")).isEqualTo("s3");
    assertThat((Object) schedule.get("spec", "template", "defaultVolumesToFsBackup"))
        .isEqualTo(false);
  }

  @Test
  void theBaselineCanMakeBackupsMandatory() {
    ResearchProject optedOut = withBackup(new BackupSpec(false, null, null, null, null, null));
    SecurityBaseline mandatory =
        withPolicy(
            new BackupPolicy(
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(DataClassification.SENSITIVE),
                null,
                null,
                null,
                null,
                null));

    assertThat(BackupScheduleDesired.enabled(optedOut, baseline)).isFalse();
    assertThat(BackupScheduleDesired.enabled(optedOut, mandatory)).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFinalBackupAndDrillRestoreValidateAndHaveNoProjectGrants() {
    ResearchProject project = withBackup(null);

    GenericKubernetesResource last =
        FinalBackupDesired.desired(project, baseline, List.of("lab", "lab-web"));
    GenericKubernetesResource drill =
        RestoreDrillDesired.restore(
            project,
            baseline,
            "rp-lab-20261101020000",
            "20261128120000",
            List.of("lab", "lab-web"));

    assertThat(last.getMetadata().getOwnerReferences()).as("it must outlive the project").isEmpty();
    assertThat(UpstreamSchemas.crdErrors(last, "velero.io_backups.yaml")).isEmpty();
    assertThat(UpstreamSchemas.crdErrors(drill, "velero.io_restores.yaml")).isEmpty();
    assertThat((List<String>) drill.get("spec", "excludedResources"))
        .as("attack 5: a drill brings back no past access nor network rule")
        .contains(
            "rolebindings.rbac.authorization.k8s.io",
            "roles.rbac.authorization.k8s.io",
            "networkpolicies.networking.k8s.io");
    assertThat((Object) drill.get("spec", "namespaceMapping"))
        .isEqualTo(
            Map.of(
                "lab",
                Names.drillNamespace(project, "lab"),
                "lab-web",
                Names.drillNamespace(project, "lab-web")));
    var scratch =
        RestoreDrillDesired.scratchNamespace(project, "lab", drill.getMetadata().getName());
    assertThat(scratch.getMetadata().getLabels())
        .doesNotContainKey(Names.PROJECT_LABEL)
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    assertThat(scratch.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
    assertThat(
            RestoreDrillDesired.denyAll(project, scratch.getMetadata().getName())
                .getSpec()
                .getPolicyTypes())
        .containsExactly("Ingress", "Egress");
  }

  @Test
  void scheduleNamesFitVelerosLabelLimitForTheLongestProjects() {
    String longest = "p".repeat(63);
    String other = "p".repeat(62) + "q";

    assertThat(Names.backupSchedule(longest)).hasSizeLessThanOrEqualTo(63);
    assertThat(Names.backupSchedule(longest)).isNotEqualTo(Names.backupSchedule(other));
  }

  private ResearchProject withBackup(BackupSpec backup) {
    return Fixtures.project(
        "lab",
        Fixtures.spec(
            List.of("lab", "lab-web"), new NetworkSpec(null, null), DeletionPolicy.Retain, backup));
  }

  private SecurityBaseline withPolicy(BackupPolicy policy) {
    return Fixtures.with(baseline, "backup", policy);
  }
}
