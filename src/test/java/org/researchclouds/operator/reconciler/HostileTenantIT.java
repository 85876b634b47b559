package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.researchclouds.operator.ProjectStatus.condition;
import static org.researchclouds.operator.ProjectStatus.responsibility;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.VeleroFixtures;
import org.researchclouds.operator.VeleroServer;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.ComputeGrant;
import org.researchclouds.operator.api.ComputeQuota;
import org.researchclouds.operator.api.ControlException;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.EgressException;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ExposureSource;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.Names;

/**
 * The attacks of docs/threat-model.md that need the running operator, each performed as a project's
 * maintainer would: by editing, deleting and re-creating their own project. The resync is long, so
 * that what happens follows from the events of the attack itself.
 */
@EnableKubernetesMockClient(crud = true)
class HostileTenantIT {
  private static final String VELERO = VeleroFixtures.NAMESPACE;
  static KubernetesClient client;
  private static OperatorHarness operator;

  @BeforeAll
  static void startOperatorWithVelero() {
    operator = new OperatorHarness(client, "default", Duration.ofMinutes(5));
    client.resource(Fixtures.baseline()).create();
    client.namespaces().resource(namespace(VELERO)).create();
    VeleroServer.install(client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  /** Attack 1: copy another team's data, and Velero's own namespace, into one's final backup. */
  @Test
  void theFinalBackupTakesOnlyWhatTheProjectHolds() {
    client.resource(project("cardio-lab", DeletionPolicy.Retain)).create();
    client.resource(project("mallory-lab", DeletionPolicy.Delete)).create();
    awaitReady("cardio-lab");
    awaitReady("mallory-lab");

    client
        .resources(ResearchProject.class)
        .withName("mallory-lab")
        .edit(
            p ->
                Fixtures.with(
                    Fixtures.with(p, "namespaces", List.of("mallory-lab", "cardio-lab", VELERO)),
                    "backup",
                    new BackupSpec(true, null, "87600h", null, null, null)));
    assertThat(
            condition(ProjectStatus.awaitReady(client, "mallory-lab", "False"), "Ready")
                .getReason())
        .isIn("NamespaceConflict", "NamespaceProtected", "NamespaceNameNotAllowed");
    client.resources(ResearchProject.class).withName("mallory-lab").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> VeleroServer.finalBackup(client, "mallory-lab") != null);
    GenericKubernetesResource last = VeleroServer.finalBackup(client, "mallory-lab");
    assertThat((Object) last.get("spec", "includedNamespaces")).isEqualTo(List.of("mallory-lab"));
    VeleroServer.finish(client, "Backup", last, "Completed");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.namespaces().withName("mallory-lab").get() == null);
    assertThat(client.namespaces().withName("cardio-lab").get()).isNotNull();
    assertThat(client.namespaces().withName(VELERO).get()).isNotNull();
    assertThat(ProjectStatus.get(client, "cardio-lab")).isNotNull();
  }

  /** Attack 2: take over a deleted project's namespaces and history by re-creating its name. */
  @Test
  void aProjectCreatedAgainUnderAnOldNameInheritsNothing() {
    client.resource(project("reborn", DeletionPolicy.Retain)).create();
    awaitReady("reborn");
    String firstUid = ProjectStatus.get(client, "reborn").getMetadata().getUid();
    client.resources(ResearchProject.class).withName("reborn").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> ProjectStatus.get(client, "reborn") == null);

    Namespace released = client.namespaces().withName("reborn").get();
    assertThat(released.getMetadata().getLabels())
        .doesNotContainKeys(Names.PROJECT_LABEL, Names.PROJECT_UID_LABEL)
        .containsEntry(Names.ORPHANED_LABEL, "true");
    assertThat(released.getMetadata().getAnnotations())
        .containsEntry(Names.RELEASED_BY_ANNOTATION, firstUid);

    createAgain(project("reborn", DeletionPolicy.Retain));

    assertThat(condition(ProjectStatus.awaitReady(client, "reborn", "False"), "Ready").getReason())
        .isEqualTo("NamespaceNotAdoptable");
    assertThat(client.namespaces().withName("reborn").get().getMetadata().getLabels())
        .doesNotContainKey(Names.PROJECT_UID_LABEL);
  }

  /** Attack 2, by hand-over or leftovers: what was handed to a project is not its namesake's. */
  @Test
  void aNamesakeGetsNeitherAHandedOverNamespaceNorALeftoverSelfService() {
    client.namespaces().resource(Fixtures.handedOver("heir-data", "heir")).create();
    client
        .resource(
            Fixtures.project(
                "heir",
                Fixtures.spec(
                    List.of("heir", "heir-data"),
                    new NetworkSpec(null, null),
                    DeletionPolicy.Retain)))
        .create();
    awaitReady("heir");
    client.resources(ResearchProject.class).withName("heir").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> ProjectStatus.get(client, "heir") == null);
    // What a deletion that orphaned the project's dependents would leave behind.
    client.rbac().clusterRoleBindings().withName(Names.selfService("heir")).delete();
    client
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(Names.selfService("heir"))
                .addToLabels(Names.MANAGED_BY_LABEL, Names.MANAGER)
                .addToLabels(Names.PROJECT_LABEL, "heir")
                .addToLabels(Names.PROJECT_UID_LABEL, "uid-of-the-first-heir")
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io", "ClusterRole", Names.selfService("heir"))
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName("former-maintainer@example.org")
                .endSubject()
                .build())
        .create();

    createAgain(
        Fixtures.project(
            "heir",
            Fixtures.spec(
                List.of("heir-new", "heir-data"),
                new NetworkSpec(null, null),
                DeletionPolicy.Retain)));

    assertThat(condition(ProjectStatus.awaitReady(client, "heir", "False"), "Ready").getMessage())
        .contains("heir-data");
    assertThat(client.namespaces().withName("heir-data").get().getMetadata().getAnnotations())
        .doesNotContainKey(Names.ADOPTABLE_BY_ANNOTATION);

    client
        .resources(ResearchProject.class)
        .withName("heir")
        .edit(p -> Fixtures.with(p, "namespaces", List.of("heir-new")));
    awaitReady("heir");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client.rbac().clusterRoleBindings().withName(Names.selfService("heir")).get()
                        == null
                    || client
                        .rbac()
                        .clusterRoleBindings()
                        .withName(Names.selfService("heir"))
                        .get()
                        .getSubjects()
                        .stream()
                        .noneMatch(s -> s.getName().startsWith("former")));
  }

  /** Attack 3: claim a namespace the platform will need, before the platform installs it. */
  @Test
  void platformNamespacesCannotBeClaimedFirst() {
    for (String claimed :
        List.of(
            VELERO,
            OperatorHarness.OPERATOR_NAMESPACE,
            Names.DRILL_NAMESPACE_PREFIX + "0123456789abcdef",
            "argocd")) {
      String name = "claims-" + Math.abs(claimed.hashCode());
      client
          .resource(
              Fixtures.project(
                  name,
                  Fixtures.spec(
                      List.of(name, claimed), new NetworkSpec(null, null), DeletionPolicy.Retain)))
          .create();

      assertThat(condition(ProjectStatus.awaitReady(client, name, "False"), "Ready").getReason())
          .as("claiming %s", claimed)
          .isIn("NamespaceProtected", "NamespaceNameNotAllowed");
      assertThat(client.namespaces().withName(name).get()).as("nothing applied").isNull();
    }
  }

  /**
   * Attack 8: name a project after an administrator's ClusterRole or ClusterRoleBinding, so that
   * the operator deletes the one or binds its own subjects through the other.
   */
  @Test
  void anotherWritersSelfServiceNamesakeIsNeitherDeletedNorTakenOver() {
    ClusterRole adminsRole =
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(Names.selfRead("all"))
            .endMetadata()
            .addToRules(
                new PolicyRuleBuilder()
                    .withApiGroups("researchclouds.org")
                    .withResources("researchprojects")
                    .withVerbs("get", "list")
                    .build())
            .build();
    client.rbac().clusterRoles().resource(adminsRole).create();
    client
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(Names.selfService("future"))
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "view")
                .addNewSubject()
                .withKind("User")
                .withName("planted@example.org")
                .withApiGroup("rbac.authorization.k8s.io")
                .endSubject()
                .build())
        .create();

    for (String name : List.of("all", "future")) {
      client.resource(project(name, DeletionPolicy.Retain)).create();
      var ready = condition(ProjectStatus.awaitReady(client, name, "False"), "Ready");
      assertThat(ready.getReason()).isEqualTo("AccessNameTaken");
      assertThat(ready.getMessage()).contains("not written by the operator");
      assertThat(client.namespaces().withName(name).get()).as("nothing applied").isNull();
    }
    assertThat(client.rbac().clusterRoles().withName(Names.selfRead("all")).get().getRules())
        .isEqualTo(adminsRole.getRules());
    assertThat(
            client
                .rbac()
                .clusterRoleBindings()
                .withName(Names.selfService("future"))
                .get()
                .getRoleRef()
                .getName())
        .isEqualTo("view");

    client.rbac().clusterRoles().withName(Names.selfRead("all")).delete();
    awaitReady("all");
  }

  /** Attack 7: bind a harmless ClusterRole to an outsider, then make the role dangerous. */
  @Test
  void editingABoundClusterRoleIsCheckedAgainAtOnce() {
    client
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName("config-reader")
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("configmaps")
                        .withVerbs("get")
                        .build())
                .build())
        .create();
    client.resource(project("quiet-lab", DeletionPolicy.Retain)).create();
    awaitReady("quiet-lab");
    client
        .rbac()
        .roleBindings()
        .inNamespace("quiet-lab")
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("helper")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "config-reader")
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName("outsider@example.org")
                .endSubject()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        responsibility(
                                ProjectStatus.get(client, "quiet-lab"), "tenant/least-privilege")
                            .reason())
                    .isEqualTo("UnmanagedBinding"));

    client
        .rbac()
        .clusterRoles()
        .withName("config-reader")
        .edit(
            role -> {
              role.getRules()
                  .add(
                      new PolicyRuleBuilder()
                          .withApiGroups("")
                          .withResources("pods/exec")
                          .withVerbs("create")
                          .build());
              return role;
            });

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var leastPrivilege =
                  responsibility(ProjectStatus.get(client, "quiet-lab"), "tenant/least-privilege");
              assertThat(leastPrivilege.state()).isEqualTo(ResponsibilityState.NotMet);
              assertThat(leastPrivilege.reason()).isEqualTo("UnmanagedBindingEscalates");
              assertThat(leastPrivilege.message()).contains("into running pods");
            });
  }

  /** Attack 9: route another team's hostname to one's own pods by declaring it too. */
  @Test
  void aHostStaysWithTheProjectThatHoldsItUntilThatProjectLetsGo() {
    client.resource(withExposure("web-owner", "web", null, "portal.example.org")).create();
    awaitReady("web-owner");
    client.resource(withExposure("web-thief", "web", null, "*.example.org")).create();

    Condition refused = condition(ProjectStatus.awaitReady(client, "web-thief", "False"), "Ready");
    assertThat(refused.getReason()).isEqualTo("HostConflict");
    assertThat(refused.getMessage()).contains("belongs to project web-owner");
    assertThat(client.namespaces().withName("web-thief").get()).isNull();
    assertThat(condition(ProjectStatus.awaitReady(client, "web-owner", "True"), "Ready"))
        .isNotNull();

    // Once the holder is gone, the other claim is served without any edit of its own.
    client.resources(ResearchProject.class).withName("web-owner").delete();
    awaitReady("web-thief");
    assertThat(ProjectStatus.awaitReady(client, "web-thief", "True").getStatus().getIngressHosts())
        .containsExactly("*.example.org");
  }

  /**
   * Attack 10: reach a project that trusts another by name. The trust follows the trusted project's
   * identity: none while it does not exist, its UID once it does.
   */
  @Test
  void crossProjectTrafficFollowsTheTrustedProjectsIdentity() {
    client.resource(withExposure("imaging", "api", "modelling", null)).create();
    awaitReady("imaging");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(policy("imaging", Names.exposurePolicy("api")).getSpec().getIngress())
                    .as("nobody to admit yet")
                    .isEmpty());

    ResearchProject modelling =
        Fixtures.project(
            "modelling",
            Fixtures.spec(
                List.of("modelling"),
                new NetworkSpec(
                    null,
                    List.of(
                        new Egress(
                            "imaging",
                            null,
                            List.of("imaging"),
                            List.of(new PortSpec(9000, null, null))))),
                DeletionPolicy.Retain));
    createAgain(modelling);
    String uid =
        client.resources(ResearchProject.class).withName("modelling").get().getMetadata().getUid();
    awaitReady("modelling");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(
                      policy("imaging", Names.exposurePolicy("api"))
                          .getSpec()
                          .getIngress()
                          .get(0)
                          .getFrom()
                          .get(0)
                          .getNamespaceSelector()
                          .getMatchLabels())
                  .isEqualTo(Map.of(Names.PROJECT_UID_LABEL, uid));
              assertThat(
                      responsibility(
                              ProjectStatus.awaitReady(client, "imaging", "True"),
                              "tenant/limited-exposure")
                          .message())
                  .doesNotContain("declares no egress");
            });

    // The trusted project is deleted, and another is created under its name: it is not trusted.
    client.resources(ResearchProject.class).withName("modelling").delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.resources(ResearchProject.class).withName("modelling").get() == null);
    // (It cannot take the namespace the deleted one left behind either; see attack 2.)
    createAgain(modelling);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(policy("imaging", Names.exposurePolicy("api")).getSpec().getIngress())
                  .isEmpty();
              assertThat(
                      responsibility(
                              ProjectStatus.awaitReady(client, "imaging", "True"),
                              "tenant/limited-exposure")
                          .message())
                  .contains("was trusted as UID " + uid + " and has been deleted or created again");
            });
  }

  /**
   * Attack 11: keep a granted port open past its expiry by getting the spec refused just before,
   * since a refused spec applies nothing.
   */
  @Test
  void aGrantExpiresEvenWhileTheSpecIsRefused() {
    String expires = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS).toString();
    client
        .resources(SecurityBaseline.class)
        .withName("default")
        .edit(
            b ->
                Fixtures.with(
                    b,
                    "egressExceptions",
                    List.of(new EgressException("mailer", 25, null, "ticket 42", expires))));
    List<PortSpec> smtp = List.of(new PortSpec(25, null, null));
    client
        .resource(
            Fixtures.project(
                "mailer",
                Fixtures.spec(
                    List.of("mailer"),
                    new NetworkSpec(
                        null, List.of(new Egress("mail", List.of("192.0.2.0/24"), null, smtp))),
                    DeletionPolicy.Retain)))
        .create();
    awaitReady("mailer");
    assertThat(policy("mailer", Names.egressPolicy("mail")).getSpec().getEgress()).hasSize(1);

    client
        .resources(ResearchProject.class)
        .withName("mailer")
        .edit(
            p ->
                Fixtures.with(
                    p,
                    "network",
                    new NetworkSpec(
                        null,
                        List.of(
                            new Egress(
                                "mail",
                                List.of("192.0.2.0/24", "169.254.169.254/32"),
                                null,
                                smtp)))));
    assertThat(condition(ProjectStatus.awaitReady(client, "mailer", "False"), "Ready").getReason())
        .isEqualTo("EgressNotAllowed");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(policy("mailer", Names.egressPolicy("mail"))).isNull());
    client
        .resources(SecurityBaseline.class)
        .withName("default")
        .edit(b -> Fixtures.with(b, "egressExceptions", List.of()));
  }

  @Test
  void aProjectCanNeitherExceptItselfNorLiftItsOwnQuota() {
    client.resource(project("greedy", DeletionPolicy.Retain)).create();
    awaitReady("greedy");
    Quantity granted = quota("greedy").getSpec().getHard().get("requests.cpu");

    // The maintainer writes an exception into the project's own spec, and asks for four times
    // the ceiling.
    client
        .genericKubernetesResources("researchclouds.org/v1alpha1", "ResearchProject")
        .withName("greedy")
        .edit(
            p -> {
              Map<String, Object> spec = p.get("spec");
              spec.put(
                  "exceptions",
                  List.of(
                      Map.of(
                          "project", "greedy",
                          "control", "platform/compute-management",
                          "reason", "self-granted",
                          "grantedBy", "mallory@example.org",
                          "expires", "2099-01-01T00:00:00Z")));
              spec.put("resources", Map.of("cpu", "64", "gpus", "8"));
              return p;
            });

    Condition ready = condition(ProjectStatus.awaitReady(client, "greedy", "False"), "Ready");
    assertThat(ready.getReason()).isEqualTo("ComputeOverCeiling");
    assertThat(ready.getMessage())
        .startsWith("spec.resources asks for cpu 64 (ceiling 16), gpus 8 (ceiling 0);");
    assertThat(quota("greedy").getSpec().getHard().get("requests.cpu")).isEqualTo(granted);
    assertThat(ProjectStatus.get(client, "greedy").getStatus().getResponsibilities())
        .noneMatch(r -> r.state() == ResponsibilityState.Excepted);
  }

  @Test
  void aRefusedSpecFreezesNoVerdictNorException() {
    client.resource(project("frozen", DeletionPolicy.Retain)).create();
    awaitReady("frozen");
    String expires = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS).toString();
    client
        .resources(SecurityBaseline.class)
        .withName("default")
        .edit(
            b ->
                Fixtures.with(
                    b,
                    "exceptions",
                    List.of(
                        new ControlException(
                            "frozen",
                            "tenant/patching",
                            "ticket 8",
                            "cloud@example.org",
                            expires))));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                responsibility(ProjectStatus.get(client, "frozen"), "tenant/patching").state()
                    == ResponsibilityState.Excepted);

    // The maintainer keeps the spec refused, hoping the waiver and the Met verdicts stay.
    client
        .resources(ResearchProject.class)
        .withName("frozen")
        .edit(
            p ->
                Fixtures.with(
                    p, "resources", new ComputeQuota("999", null, null, null, null, null, null)));
    ResearchProject refused = ProjectStatus.awaitReady(client, "frozen", "False");

    assertThat(refused.getStatus().getResponsibilities())
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo(ResponsibilityState.Unknown);
              assertThat(r.reason()).isEqualTo("SpecRefused");
            });
    assertThat(condition(refused, "TenantResponsibilitiesMet").getStatus()).isEqualTo("Unknown");
    // The waiver's end is on record, though the spec still hides the verdict.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                client.v1().events().inNamespace("default").list().getItems().stream()
                    .anyMatch(
                        e ->
                            "frozen".equals(e.getInvolvedObject().getName())
                                && "ExceptionEnded".equals(e.getReason())));
    client
        .resources(SecurityBaseline.class)
        .withName("default")
        .edit(b -> Fixtures.with(b, "exceptions", List.of()));
  }

  @Test
  void aLoweredCeilingReachesAProjectWhoseSpecItRefuses() {
    ComputeQuota asked = new ComputeQuota("32", null, null, null, null, null, null);
    client
        .resources(SecurityBaseline.class)
        .withName("default")
        .edit(
            b ->
                Fixtures.with(
                    b,
                    "computeGrants",
                    List.of(new ComputeGrant("granted", asked, "allocation RAC-7"))));
    client
        .resource(Fixtures.with(project("granted", DeletionPolicy.Retain), "resources", asked))
        .create();
    awaitReady("granted");
    assertThat(quota("granted").getSpec().getHard().get("requests.cpu"))
        .isEqualTo(new Quantity("32"));

    // The allocation ends: the spec now asks for more than the ceiling and is refused, and the
    // quota it had comes down to the ceiling all the same.
    client
        .resources(SecurityBaseline.class)
        .withName("default")
        .edit(b -> Fixtures.with(b, "computeGrants", List.of()));
    assertThat(condition(ProjectStatus.awaitReady(client, "granted", "False"), "Ready").getReason())
        .isEqualTo("ComputeOverCeiling");
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(quota("granted").getSpec().getHard().get("requests.cpu"))
                    .isEqualTo(new Quantity("16")));
  }

  private static ResourceQuota quota(String namespace) {
    return client.resourceQuotas().inNamespace(namespace).withName(Names.COMPUTE_QUOTA).get();
  }

  private static NetworkPolicy policy(String namespace, String name) {
    return client.network().v1().networkPolicies().inNamespace(namespace).withName(name).get();
  }

  private static ResearchProject withExposure(
      String name, String exposure, String fromProject, String host) {
    return Fixtures.project(
        name,
        Fixtures.spec(
            List.of(name),
            new NetworkSpec(
                List.of(
                    new Exposure(
                        exposure,
                        null,
                        List.of(new PortSpec(9000, null, null)),
                        fromProject == null
                            ? new ExposureSource(true, null, null)
                            : new ExposureSource(null, null, List.of(fromProject)),
                        null,
                        null,
                        host == null ? null : List.of(host))),
                null),
            DeletionPolicy.Retain));
  }

  private static ResearchProject project(String name, DeletionPolicy deletion) {
    return Fixtures.project(
        name, Fixtures.spec(List.of(name), new NetworkSpec(null, null), deletion));
  }

  /** Creates the project as a new incarnation: the API server gives it a new UID. */
  private static void createAgain(ResearchProject namesake) {
    namesake.getMetadata().setUid(UUID.randomUUID().toString());
    client.resource(namesake).create();
  }

  private static void awaitReady(String name) {
    ProjectStatus.awaitReady(client, name, "True");
  }

  private static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
