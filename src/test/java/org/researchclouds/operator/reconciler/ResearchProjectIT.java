package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.researchclouds.operator.ProjectStatus.condition;
import static org.researchclouds.operator.ProjectStatus.responsibility;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.ExtraPolicies;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.Protocol;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.Responsibility;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.Names;

/** The running operator against the CRUD mock API server, with the baseline in Audit mode. */
@EnableKubernetesMockClient(crud = true)
class ResearchProjectIT {
  private static final Duration RESYNC = Duration.ofSeconds(1);
  static KubernetesClient client;
  private static OperatorHarness operator;

  @BeforeAll
  static void startOperator() {
    operator = new OperatorHarness(client, "default", RESYNC);
    client.resource(Fixtures.baseline()).create();
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void aSettingTheSchemaLetThroughGetsItsReasonNotAFailure() {
    client.resource(Fixtures.project("forever", "forever")).create();
    awaitReady("forever");

    client
        .resources(ResearchProject.class)
        .withName("forever")
        .edit(
            p ->
                Fixtures.with(
                    p, "backup", new BackupSpec(true, null, "9999999h", null, null, null)));

    Condition ready = condition(awaitReadyStatus("forever", "False"), "Ready");
    assertThat(ready.getReason()).isEqualTo("InvalidBackupSetting");
    assertThat(ready.getMessage()).contains("spec.backup.retention").contains("100 years");
    assertThat(get("forever").getStatus().getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void buildsGuardRailsAndReportsEveryResponsibility() {
    client.resource(Fixtures.project("genomics", "genomics-raw", "genomics-web")).create();

    ResearchProject project = awaitReady("genomics");

    for (String name : List.of("genomics-raw", "genomics-web")) {
      Namespace namespace = client.namespaces().withName(name).get();
      assertThat(namespace.getMetadata().getLabels())
          .containsEntry(Names.PROJECT_LABEL, "genomics")
          .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
          .containsEntry("pod-security.kubernetes.io/audit", "restricted")
          .containsEntry("pod-security.kubernetes.io/warn", "restricted");
      assertThat(namespace.getMetadata().getAnnotations())
          .containsEntry(Names.ORIGIN_ANNOTATION, "created");
      assertThat(policyNames(name))
          .containsExactlyInAnyOrder(
              "rp-default-deny",
              "rp-allow-project",
              "rp-allow-dns",
              "rp-expose-web",
              "rp-egress-https");
    }
    assertThat(project.getStatus().getObservedGeneration())
        .isEqualTo(project.getMetadata().getGeneration());
    assertThat(project.getStatus().getResponsibilities())
        .extracting(Responsibility::id, Responsibility::state)
        .containsExactly(
            tuple("tenant/data-protection", ResponsibilityState.Met),
            tuple("tenant/workload-ownership", ResponsibilityState.Met),
            tuple("tenant/limited-exposure", ResponsibilityState.Met),
            tuple("tenant/least-privilege", ResponsibilityState.Met),
            tuple("tenant/backup-recovery", ResponsibilityState.Unknown),
            tuple("tenant/patching", ResponsibilityState.Unknown),
            tuple("tenant/encryption", ResponsibilityState.Met),
            tuple("shared/compliance", ResponsibilityState.Met),
            tuple("shared/good-net-citizen", ResponsibilityState.Met),
            tuple("shared/incident-response", ResponsibilityState.Met),
            tuple("platform/backup-service", ResponsibilityState.NotMet),
            // No quota controller runs on the in-memory server, and it calls itself 0.0.
            tuple("platform/compute-management", ResponsibilityState.Unknown),
            tuple("platform/patching", ResponsibilityState.NotMet),
            tuple("platform/protection", ResponsibilityState.Attested),
            tuple("platform/network-enforcement", ResponsibilityState.Attested),
            tuple("platform/audit-logging", ResponsibilityState.Attested),
            tuple("platform/physical-security", ResponsibilityState.Attested));
    assertThat(responsibility(project, "tenant/backup-recovery").reason())
        .isEqualTo("VeleroNotInstalled");
    assertThat(condition(project, "TenantResponsibilitiesMet").getStatus()).isEqualTo("Unknown");
    assertThat(condition(project, "PlatformResponsibilitiesMet").getStatus()).isEqualTo("False");
    assertThat(condition(project, "SharedResponsibilitiesMet").getStatus()).isEqualTo("True");
    assertThat(project.getStatus().getConditions())
        .allSatisfy(
            c ->
                assertThat(c.getObservedGeneration())
                    .isEqualTo(project.getMetadata().getGeneration()));
    assertThat(project.getStatus().getSummary().tenant()).isEqualTo("5/7");
    assertThat(project.getStatus().getSummary().shared()).isEqualTo("3/3");
    assertThat(project.getStatus().getSummary().platform()).isEqualTo("4/7");
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .filteredOn(e -> e.getInvolvedObject().getName().equals("genomics"))
        .anySatisfy(
            e ->
                assertThat(e.getMessage())
                    .startsWith("Created (part of the project's guard rails): ")
                    .contains("NetworkPolicy genomics-raw/rp-default-deny"));
  }

  @Test
  void revertsDriftOfEveryOwnedObject() {
    client.resource(Fixtures.project("drift", "drift")).create();
    awaitReady("drift");

    client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace("drift")
        .withName("rp-default-deny")
        .delete();
    client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace("drift")
        .withName("rp-allow-dns")
        .edit(p -> new NetworkPolicyBuilder(p).editSpec().withEgress(List.of()).endSpec().build());
    client
        .namespaces()
        .withName("drift")
        .edit(
            ns ->
                new NamespaceBuilder(ns)
                    .editMetadata()
                    .addToLabels("pod-security.kubernetes.io/enforce", "baseline")
                    .endMetadata()
                    .build());

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(policy("drift", "rp-default-deny")).isNotNull();
              assertThat(policy("drift", "rp-allow-dns").getSpec().getEgress()).hasSize(1);
              assertThat(client.namespaces().withName("drift").get().getMetadata().getLabels())
                  .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
            });
  }

  @Test
  void writesNothingWhileNothingChanges() {
    client.resource(Fixtures.project("idle", "idle")).create();
    awaitReady("idle");
    // Let the creation's own events settle, then watch several periodic resyncs go by.
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    int writesBefore = operator.writes();
    int reconcilesBefore = operator.reconciles();

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> operator.reconciles() >= reconcilesBefore + 3);

    assertThat(operator.writesSince(writesBefore)).isEmpty();
  }

  @Test
  void refusesANamespaceOfAnotherProjectAndAppliesNothing() {
    client
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("intruder-taken")
                .addToLabels(Names.PROJECT_LABEL, "someone-else")
                .endMetadata()
                .build())
        .create();
    client.resource(Fixtures.project("intruder", "intruder-own", "intruder-taken")).create();

    ResearchProject project = awaitReadyStatus("intruder", "False");

    Condition ready = condition(project, "Ready");
    assertThat(ready.getReason()).isEqualTo("NamespaceConflict");
    assertThat(ready.getMessage()).contains("intruder-taken").contains("someone-else");
    assertThat(client.namespaces().withName("intruder-own").get()).isNull();
    assertThat(policyNames("intruder-taken")).isEmpty();
    assertThat(client.namespaces().withName("intruder-taken").get().getMetadata().getLabels())
        .containsEntry(Names.PROJECT_LABEL, "someone-else");
  }

  @Test
  void reportsAPortNamedTwiceAndAppliesNothing() {
    var exposure = Fixtures.webExposure();
    var twice =
        new org.researchclouds.operator.api.Exposure(
            exposure.name(),
            exposure.podSelector(),
            List.of(new PortSpec(8080, null, Protocol.TCP), new PortSpec(8000, 8090, Protocol.TCP)),
            exposure.from(),
            null,
            null,
            exposure.hosts());
    client
        .resource(
            Fixtures.project(
                "twice",
                Fixtures.spec(
                    List.of("twice"),
                    new NetworkSpec(List.of(twice), List.of()),
                    DeletionPolicy.Retain)))
        .create();

    ResearchProject project = awaitReadyStatus("twice", "False");

    assertThat(condition(project, "Ready").getReason()).isEqualTo("DuplicatePort");
    assertThat(condition(project, "Ready").getMessage())
        .contains("web")
        .contains("Nothing was applied");
    assertThat(client.namespaces().withName("twice").get()).isNull();
  }

  @Test
  void reportsUndeclaredLoadBalancerAndWideningPolicyWithoutRemovingThemInAudit() {
    client.resource(Fixtures.project("leaky", "leaky")).create();
    awaitReady("leaky");

    client
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace("leaky")
                .endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .endSpec()
                .build())
        .create();
    client.resource(ExtraPolicies.openIngress("leaky", "open-all")).create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Responsibility exposure = responsibility(get("leaky"), "tenant/limited-exposure");
              assertThat(exposure.state()).isEqualTo(ResponsibilityState.NotMet);
              assertThat(exposure.message())
                  .contains("leaky/db")
                  .contains("leaky/open-all")
                  .contains("198.51.100.7 reach pods in leaky");
              assertThat(condition(get("leaky"), "TenantResponsibilitiesMet").getStatus())
                  .isEqualTo("False");
            });
    assertThat(condition(get("leaky"), "Ready").getStatus()).isEqualTo("True");
    assertThat(policy("leaky", "open-all")).isNotNull();
  }

  @Test
  void retainKeepsNamespacesAndGuardRailsAsOrphans() {
    client.resource(Fixtures.project("kept", "kept")).create();
    awaitReady("kept");

    client.resources(ResearchProject.class).withName("kept").delete();

    await().atMost(Duration.ofSeconds(10)).until(() -> get("kept") == null);
    Namespace namespace = client.namespaces().withName("kept").get();
    assertThat(namespace.getMetadata().getLabels()).containsEntry(Names.ORPHANED_LABEL, "true");
    assertThat(policy("kept", "rp-default-deny").getMetadata().getOwnerReferences()).isEmpty();
    assertThat(bindingNames("kept")).as("a released namespace grants nobody anything").isEmpty();
  }

  @Test
  void deleteRemovesCreatedNamespacesAndReleasesAdoptedOnes() {
    client.resource(Fixtures.handedOver("gone-adopted", "gone")).create();
    client
        .resource(
            Fixtures.project(
                "gone",
                Fixtures.spec(
                    List.of("gone-created", "gone-adopted"),
                    new NetworkSpec(null, null),
                    DeletionPolicy.Delete,
                    Fixtures.noBackups())))
        .create();
    awaitReady("gone");
    assertThat(client.namespaces().withName("gone-adopted").get().getMetadata().getAnnotations())
        .containsEntry(Names.ORIGIN_ANNOTATION, "adopted");

    client.resources(ResearchProject.class).withName("gone").delete();

    // Backups off and no Velero: no final backup can be taken, and only the platform may waive it.
    assertThat(condition(awaitReadyStatus("gone", "False"), "Ready").getReason())
        .isEqualTo("FinalBackupImpossible");
    assertThat(client.namespaces().withName("gone-created").get()).isNotNull();
    SecurityBaseline waiving =
        Fixtures.with(
            Fixtures.baseline(),
            "backup",
            new BackupPolicy(
                null, null, null, null, null, null, null, null, true, null, null, null));
    client.resource(waiving).update();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> get("gone") == null);
    } finally {
      client.resource(Fixtures.baseline()).update();
    }
    assertThat(client.namespaces().withName("gone-created").get()).isNull();
    assertThat(client.namespaces().withName("gone-adopted").get().getMetadata().getLabels())
        .containsEntry(Names.ORPHANED_LABEL, "true");
  }

  @Test
  void grantsMembersTheirRolesAndFollowsChangesToTheMemberList() {
    client.resource(Fixtures.project("team", "team")).create();
    awaitReady("team");
    assertThat(bindingNames("team")).containsExactlyInAnyOrder("rp-viewer", "rp-maintainer");
    assertThat(client.rbac().clusterRoleBindings().withName("researchproject-self-team").get())
        .isNotNull();

    client
        .resources(ResearchProject.class)
        .withName("team")
        .edit(
            project ->
                Fixtures.with(
                    project,
                    "members",
                    List.of(new Member(MemberKind.User, "dev", null, ProjectRole.developer))));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(bindingNames("team")).containsExactly("rp-developer");
              assertThat(
                      client
                          .rbac()
                          .clusterRoleBindings()
                          .withName("researchproject-self-team")
                          .get())
                  .isNull();
              assertThat(client.rbac().clusterRoles().withName("researchproject-self-team").get())
                  .isNull();
            });
    assertThat(
            client
                .rbac()
                .roleBindings()
                .inNamespace("team")
                .withName("rp-developer")
                .get()
                .getSubjects())
        .singleElement()
        .satisfies(subject -> assertThat(subject.getName()).isEqualTo("dev"));
  }

  @Test
  void revertsDriftOfRoleBindings() {
    client.resource(Fixtures.project("rbac-drift", "rbac-drift")).create();
    awaitReady("rbac-drift");

    client.rbac().roleBindings().inNamespace("rbac-drift").withName("rp-viewer").delete();
    client
        .rbac()
        .roleBindings()
        .inNamespace("rbac-drift")
        .withName("rp-maintainer")
        .edit(
            b ->
                new RoleBindingBuilder(b)
                    .addNewSubject()
                    .withKind("User")
                    .withName("mallory")
                    .withApiGroup("rbac.authorization.k8s.io")
                    .endSubject()
                    .build());

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(bindingNames("rbac-drift")).contains("rp-viewer");
              assertThat(
                      client
                          .rbac()
                          .roleBindings()
                          .inNamespace("rbac-drift")
                          .withName("rp-maintainer")
                          .get()
                          .getSubjects())
                  .extracting(s -> s.getName())
                  .containsExactly("pi@example.org");
            });
  }

  @Test
  void reportsAnUnmanagedAdminBindingWithoutRemovingItInAudit() {
    client.resource(Fixtures.project("shared-admin", "shared-admin")).create();
    awaitReady("shared-admin");

    client.resource(Fixtures.adminBinding("shared-admin", "mallory")).create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Responsibility access = responsibility(get("shared-admin"), "tenant/least-privilege");
              assertThat(access.state()).isEqualTo(ResponsibilityState.NotMet);
              assertThat(access.reason()).isEqualTo("UnmanagedBindingEscalates");
              assertThat(access.message()).contains("shared-admin/extra-admin").contains("mallory");
            });
    assertThat(bindingNames("shared-admin")).contains("extra-admin");
  }

  private static List<String> bindingNames(String namespace) {
    return client.rbac().roleBindings().inNamespace(namespace).list().getItems().stream()
        .map(b -> b.getMetadata().getName())
        .toList();
  }

  @Test
  void deleteWithBackupsOnKeepsTheNamespacesWhileNoFinalBackupCanBeTaken() {
    client
        .resource(
            Fixtures.project(
                "unsaved",
                Fixtures.spec(
                    List.of("unsaved"), new NetworkSpec(null, null), DeletionPolicy.Delete)))
        .create();
    awaitReady("unsaved");

    client.resources(ResearchProject.class).withName("unsaved").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(condition(get("unsaved"), "Ready").getReason())
                    .isEqualTo("FinalBackupImpossible"));
    assertThat(client.namespaces().withName("unsaved").get()).isNotNull();
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("FinalBackupImpossible"));

    client
        .resources(ResearchProject.class)
        .withName("unsaved")
        .edit(p -> Fixtures.with(p, "deletionPolicy", DeletionPolicy.Retain));

    await().atMost(Duration.ofSeconds(20)).until(() -> get("unsaved") == null);
    assertThat(client.namespaces().withName("unsaved").get().getMetadata().getLabels())
        .containsEntry(Names.ORPHANED_LABEL, "true");
  }

  private static ResearchProject awaitReady(String name) {
    return ProjectStatus.awaitReady(client, name, "True");
  }

  private static ResearchProject awaitReadyStatus(String name, String status) {
    return ProjectStatus.awaitReady(client, name, status);
  }

  private static ResearchProject get(String name) {
    return ProjectStatus.get(client, name);
  }

  private static NetworkPolicy policy(String namespace, String name) {
    return client.network().v1().networkPolicies().inNamespace(namespace).withName(name).get();
  }

  private static List<String> policyNames(String namespace) {
    return client.network().v1().networkPolicies().inNamespace(namespace).list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .toList();
  }
}
