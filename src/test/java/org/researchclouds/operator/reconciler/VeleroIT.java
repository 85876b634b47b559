package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.researchclouds.operator.ProjectStatus.condition;
import static org.researchclouds.operator.ProjectStatus.responsibility;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.VeleroFixtures;
import org.researchclouds.operator.VeleroServer;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.RestoreDrill;
import org.researchclouds.operator.resources.Names;

/**
 * The operator with Velero: absent at start and installed later, then Backups and Restores written
 * the way Velero writes them drive the backup control, and deletion waits for a final backup.
 */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(OrderAnnotation.class)
class VeleroIT {
  private static final String VELERO = VeleroFixtures.NAMESPACE;
  static KubernetesClient client;
  private static OperatorHarness operator;

  @BeforeAll
  static void startOperatorWithoutVelero() {
    operator = new OperatorHarness(client, "default", Duration.ofSeconds(2));
    client.resource(Fixtures.baseline()).create();
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  @Order(1)
  void reportsVeleroMissingThenPicksItUpWithoutARestart() {
    client.resource(Fixtures.project("archive", "archive")).create();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var backup = responsibility(get("archive"), "tenant/backup-recovery");
              assertThat(backup.state()).isEqualTo(ResponsibilityState.Unknown);
              assertThat(backup.reason()).isEqualTo("VeleroNotInstalled");
              assertThat(responsibility(get("archive"), "platform/backup-service").reason())
                  .isEqualTo("VeleroNotInstalled");
            });

    VeleroServer.install(client);

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(schedule("archive")).isNotNull());
    GenericKubernetesResource schedule = schedule("archive");
    assertThat(UpstreamSchemas.crdErrors(schedule, "velero.io_schedules.yaml")).isEmpty();
    assertThat(schedule.getMetadata().getLabels()).containsEntry(Names.PROJECT_LABEL, "archive");
    Map<String, Object> template = schedule.get("spec", "template");
    assertThat(template)
        .containsEntry("includedNamespaces", List.of("archive"))
        .containsEntry("storageLocation", "default")
        .containsEntry("ttl", "720h0m0s");
    assertThat((Map<String, Object>) template.get("metadata"))
        .isEqualTo(Map.of("labels", Names.managedLabels(get("archive"))));
    assertThat((Object) schedule.get("spec", "useOwnerReferencesInBackup")).isEqualTo(false);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(responsibility(get("archive"), "platform/backup-service").state())
                    .isEqualTo(ResponsibilityState.Met));
  }

  @Test
  @Order(2)
  void repairsTheScheduleAndKeepsVelerosStatus() {
    velero("Schedule")
        .inNamespace(VELERO)
        .withName(Names.backupSchedule("archive"))
        .edit(
            s -> {
              Map<String, Object> spec = s.get("spec");
              spec.put("schedule", "* * * * *");
              s.setAdditionalProperty("status", Map.of("phase", "Enabled"));
              return s;
            });

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat((Object) schedule("archive").get("spec", "schedule"))
                    .isEqualTo("0 2 * * *"));
    assertThat((Object) schedule("archive").get("status", "phase")).isEqualTo("Enabled");

    velero("Schedule").inNamespace(VELERO).withName(Names.backupSchedule("archive")).delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(schedule("archive")).isNotNull());
  }

  @Test
  @Order(3)
  void backupsAndRestoresDriveTheControlThroughEachState() {
    Instant now = Instant.now();
    awaitBackupReason("archive", "NoBackupYet");

    create(
        "Backup",
        VeleroFixtures.backup(get("archive"), "Completed", now.minus(Duration.ofHours(2))));
    awaitBackupReason("archive", "NoRestoreTest");

    create(
        "Restore",
        VeleroFixtures.restore(get("archive"), "Completed", now.minus(Duration.ofDays(3))));
    awaitBackupReason("archive", "BackupsRecoverable");
    ResearchProject project = get("archive");
    assertThat(project.getStatus().getBackup().lastBackupPhase()).isEqualTo("Completed");
    assertThat(project.getStatus().getBackup().lastRestoreTest().itemsRestored()).isEqualTo(42L);

    create(
        "Backup",
        VeleroFixtures.backup(get("archive"), "PartiallyFailed", now.minus(Duration.ofMinutes(5))));
    awaitBackupReason("archive", "BackupFailed");
    assertThat(responsibility(get("archive"), "tenant/backup-recovery").message())
        .contains("PartiallyFailed")
        .contains("velero backup logs");
  }

  @Test
  @Order(4)
  void raisesRetentionToTheBaselinesMinimumAndSaysSo() {
    client
        .resource(
            Fixtures.with(
                Fixtures.project("short-lived", "short-lived"),
                "backup",
                new BackupSpec(true, "0 3 * * *", "24h", null, null, null)))
        .create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(schedule("short-lived")).isNotNull();
              assertThat((Object) schedule("short-lived").get("spec", "template", "ttl"))
                  .isEqualTo("168h0m0s");
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(get("short-lived").getStatus().getBackup().retention())
                    .contains("raised from 24h"));
  }

  @Test
  @Order(5)
  void deletionWaitsForTheFinalBackupThenDeletesTheNamespaces() {
    client.resource(deletable("saved")).create();
    awaitReady("saved");

    client.resources(ResearchProject.class).withName("saved").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(VeleroServer.finalBackup(client, "saved")).isNotNull());
    GenericKubernetesResource backup = VeleroServer.finalBackup(client, "saved");
    assertThat(backup.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(UpstreamSchemas.crdErrors(backup, "velero.io_backups.yaml")).isEmpty();
    assertThat(client.namespaces().withName("saved").get()).isNotNull();
    assertThat(condition(get("saved"), "Ready").getReason()).isEqualTo("FinalBackupInProgress");

    VeleroServer.finish(client, "Backup", backup, "Completed");

    await().atMost(Duration.ofSeconds(20)).until(() -> get("saved") == null);
    assertThat(client.namespaces().withName("saved").get()).isNull();
  }

  @Test
  @Order(6)
  void aFailedFinalBackupKeepsTheNamespacesAndSaysWhy() {
    client.resource(deletable("precious")).create();
    awaitReady("precious");

    client.resources(ResearchProject.class).withName("precious").delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(VeleroServer.finalBackup(client, "precious")).isNotNull());
    VeleroServer.finish(client, "Backup", VeleroServer.finalBackup(client, "precious"), "Failed");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(condition(get("precious"), "Ready").getReason())
                    .isEqualTo("FinalBackupFailed"));
    assertThat(client.namespaces().withName("precious").get()).isNotNull();
    assertThat(get("precious").getMetadata().getFinalizers()).isNotEmpty();
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("FinalBackupFailed"));
  }

  @Test
  @Order(7)
  void aRestoreDrillRunsEndToEndAndCountsAsTheRestoreTest() {
    client
        .resource(
            Fixtures.with(
                Fixtures.project("drilled", "drilled"),
                "backup",
                new BackupSpec(true, null, null, null, null, new RestoreDrill(true, null))))
        .create();
    awaitReady("drilled");
    create(
        "Backup",
        VeleroFixtures.backup(get("drilled"), "Completed", Instant.now().minusSeconds(600)));

    String scratch = Names.drillNamespace(get("drilled"), "drilled");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(drillRestores("drilled")).hasSize(1));
    GenericKubernetesResource restore = drillRestores("drilled").get(0);
    assertThat(UpstreamSchemas.crdErrors(restore, "velero.io_restores.yaml")).isEmpty();
    assertThat((Object) restore.get("spec", "namespaceMapping"))
        .isEqualTo(Map.of("drilled", scratch));
    assertThat(client.namespaces().withName(scratch).get()).isNotNull();
    assertThat(
            client
                .network()
                .v1()
                .networkPolicies()
                .inNamespace(scratch)
                .withName("rp-default-deny")
                .get())
        .isNotNull();
    assertThat(client.rbac().roleBindings().inNamespace(scratch).list().getItems()).isEmpty();

    velero("Restore")
        .inNamespace(VELERO)
        .withName(restore.getMetadata().getName())
        .edit(
            r -> {
              r.setAdditionalProperty(
                  "status",
                  Map.of(
                      "phase", "Completed",
                      "startTimestamp", Instant.now().minusSeconds(90).toString(),
                      "completionTimestamp", Instant.now().toString(),
                      "progress", Map.of("itemsRestored", 17, "totalItems", 17)));
              return r;
            });

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(client.namespaces().withName(scratch).get()).isNull());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var test = get("drilled").getStatus().getBackup().lastRestoreTest();
              assertThat(test.phase()).isEqualTo("Completed");
              assertThat(test.itemsRestored()).isEqualTo(17L);
              assertThat(test.durationSeconds()).isBetween(80L, 100L);
              assertThat(responsibility(get("drilled"), "tenant/backup-recovery").state())
                  .isEqualTo(ResponsibilityState.Met);
            });
    assertThat(drillRestores("drilled")).as("one drill per schedule period").hasSize(1);
  }

  /**
   * Attack 5 of docs/threat-model.md: drills that never end, or outlive their project, would leave
   * copies of a project's data about, and Restores would pile up.
   */
  @Test
  @Order(8)
  void drillsEndAtTheTimeoutLeaveNothingBehindAndKeepThreeRecords() throws Exception {
    client.resource(drilledProject("slow-drill")).create();
    awaitReady("slow-drill");
    create(
        "Backup",
        VeleroFixtures.backup(get("slow-drill"), "Completed", Instant.now().minusSeconds(600)));
    String scratch = Names.drillNamespace(get("slow-drill"), "slow-drill");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.namespaces().withName(scratch).get() != null);

    client
        .resource(
            Fixtures.with(
                Fixtures.baseline(),
                "backup",
                new BackupPolicy(
                    null, null, null, null, null, null, null, null, null, null, null, "1s")))
        .update();
    try {
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> client.namespaces().withName(scratch).get() == null);
    } finally {
      client.resource(Fixtures.baseline()).update();
    }
    assertThat(drillRestores("slow-drill")).as("the Restore stays as the record").hasSize(1);
    VeleroServer.finish(client, "Restore", drillRestores("slow-drill").get(0), "Failed");

    Instant earlier = Instant.now().minusSeconds(600);
    for (int i = 0; i < 3; i++) {
      GenericKubernetesResource old =
          VeleroFixtures.restore(get("slow-drill"), "Completed", earlier.plusSeconds(i));
      old.getMetadata().getLabels().put(Names.DRILL_LABEL, "true");
      create("Restore", old);
      TimeUnit.MILLISECONDS.sleep(1100);
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(drillRestores("slow-drill")).hasSize(3));

    client.resource(drilledProject("brief")).create();
    awaitReady("brief");
    create(
        "Backup",
        VeleroFixtures.backup(get("brief"), "Completed", Instant.now().minusSeconds(600)));
    String briefScratch = Names.drillNamespace(get("brief"), "brief");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.namespaces().withName(briefScratch).get() != null);
    client.resources(ResearchProject.class).withName("brief").delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.namespaces().withName(briefScratch).get() == null);
  }

  private static ResearchProject drilledProject(String name) {
    return Fixtures.with(
        Fixtures.project(name, name),
        "backup",
        new BackupSpec(true, null, null, null, null, new RestoreDrill(true, null)));
  }

  private static List<GenericKubernetesResource> drillRestores(String project) {
    return velero("Restore")
        .inNamespace(VELERO)
        .withLabel(Names.DRILL_LABEL, "true")
        .list()
        .getItems()
        .stream()
        .filter(r -> project.equals(r.getMetadata().getLabels().get(Names.PROJECT_LABEL)))
        .toList();
  }

  private static ResearchProject deletable(String name) {
    return Fixtures.project(
        name, Fixtures.spec(List.of(name), new NetworkSpec(null, null), DeletionPolicy.Delete));
  }

  private static void awaitReady(String name) {
    ProjectStatus.awaitReady(client, name, "True");
  }

  private static void awaitBackupReason(String project, String reason) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(responsibility(get(project), "tenant/backup-recovery").reason())
                    .isEqualTo(reason));
  }

  private static void create(String kind, GenericKubernetesResource object) {
    velero(kind).inNamespace(VELERO).resource(object).create();
  }

  private static GenericKubernetesResource schedule(String project) {
    return velero("Schedule").inNamespace(VELERO).withName(Names.backupSchedule(project)).get();
  }

  private static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      velero(String kind) {
    return VeleroServer.velero(client, kind);
  }

  private static ResearchProject get(String name) {
    return ProjectStatus.get(client, name);
  }
}
