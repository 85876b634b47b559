package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.researchclouds.operator.ProjectStatus.responsibility;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.TrivyReports;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.ControlException;
import org.researchclouds.operator.api.EncryptionPolicy;
import org.researchclouds.operator.api.ExpiringGrant;
import org.researchclouds.operator.api.PatchingPolicy;
import org.researchclouds.operator.api.PlatformDuty;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.SecurityBaselineStatus;
import org.researchclouds.operator.api.WorkloadReference;
import org.researchclouds.operator.api.WorkloadReference.WorkloadKind;
import org.researchclouds.operator.resources.Names;

/**
 * The controls of the model's remaining lines, each driven through its states by objects written
 * the way Kubernetes, Trivy Operator and the platform team write them.
 */
@EnableKubernetesMockClient(crud = true)
class ResponsibilityModelIT {
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  static KubernetesClient client;
  static KubernetesMockServer server;
  private static OperatorHarness operator;

  @BeforeAll
  static void startOperator() {
    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("33").build());
    operator = new OperatorHarness(client, "default", Duration.ofSeconds(2));
    client
        .resource(
            Fixtures.with(
                Fixtures.baseline(),
                "encryption",
                new EncryptionPolicy(null, List.of("encrypted-ssd"), null)))
        .create();
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void computeQuotaAndDefaultsAreWrittenRepairedAndTheirUseReported() {
    create("compute-lab");
    await().atMost(PATIENCE).until(() -> quota("compute-lab") != null);
    assertThat(
            client
                .limitRanges()
                .inNamespace("compute-lab")
                .withName(Names.CONTAINER_DEFAULTS)
                .get())
        .isNotNull();
    // No quota controller runs on the in-memory server: the operator cannot tell it is enforced.
    awaitState("compute-lab", "platform/compute-management", ResponsibilityState.Unknown);

    client.resource(quota("compute-lab")).delete();
    await().atMost(PATIENCE).until(() -> quota("compute-lab") != null);

    ResourceQuota counted = quota("compute-lab");
    counted.setStatus(
        new ResourceQuotaStatusBuilder()
            .withHard(counted.getSpec().getHard())
            .addToUsed("requests.cpu", new Quantity("3"))
            .build());
    client.resource(counted).updateStatus();
    awaitState("compute-lab", "platform/compute-management", ResponsibilityState.Met);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(get("compute-lab").getStatus().getCompute())
                    .singleElement()
                    .satisfies(
                        usage -> {
                          assertThat(usage.namespace()).isEqualTo("compute-lab");
                          assertThat(usage.used()).containsEntry("requests.cpu", "3");
                          assertThat(usage.hard()).containsEntry("requests.cpu", "16");
                        }));
  }

  @Test
  void patchingReadsImagesThenTrivysReports() {
    create("patch-lab");
    awaitReason("patch-lab", "tenant/patching", "ScannerNotInstalled");

    client
        .apps()
        .deployments()
        .inNamespace("patch-lab")
        .resource(deployment("api", "registry.example.org/lab/api:latest"))
        .create();
    awaitReason("patch-lab", "tenant/patching", "MutableImageTag");

    client
        .apps()
        .deployments()
        .inNamespace("patch-lab")
        .resource(deployment("api", "registry.example.org/lab/api:1.4.2"))
        .update();
    UpstreamSchemas.installCrd(client, TrivyReports.CRD);
    awaitReason("patch-lab", "tenant/patching", "NotScanned");

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    GenericKubernetesResource report =
        TrivyReports.report(
            "patch-lab",
            "ReplicaSet",
            "api-5d8f",
            "registry.example.org/lab/api:1.4.2",
            now,
            List.of(TrivyReports.critical("CVE-2026-0001", now.minus(Duration.ofDays(30)))));
    assertThat(UpstreamSchemas.crdErrors(report, TrivyReports.CRD)).isEmpty();
    client.genericKubernetesResources(REPORTS).inNamespace("patch-lab").resource(report).create();
    awaitReason("patch-lab", "tenant/patching", "CriticalVulnerabilities");
    assertThat(responsibility(get("patch-lab"), "tenant/patching").message())
        .contains("ReplicaSet patch-lab/api-5d8f (1)");

    client
        .genericKubernetesResources(REPORTS)
        .inNamespace("patch-lab")
        .resource(
            TrivyReports.report(
                "patch-lab",
                "ReplicaSet",
                "api-5d8f",
                "registry.example.org/lab/api:1.4.2",
                now,
                List.of()))
        .update();
    awaitState("patch-lab", "tenant/patching", ResponsibilityState.Met);
  }

  @Test
  void encryptionFollowsIngressesAndVolumes() {
    create("crypt-lab");
    awaitState("crypt-lab", "tenant/encryption", ResponsibilityState.Met);

    client
        .network()
        .v1()
        .ingresses()
        .inNamespace("crypt-lab")
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withName("portal")
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withHost("crypt-lab.example.org")
                .endRule()
                .endSpec()
                .build())
        .create();
    awaitReason("crypt-lab", "tenant/encryption", "IngressWithoutTls");

    client
        .network()
        .v1()
        .ingresses()
        .inNamespace("crypt-lab")
        .withName("portal")
        .edit(
            i ->
                new IngressBuilder(i)
                    .editSpec()
                    .addNewTl()
                    .withHosts("crypt-lab.example.org")
                    .endTl()
                    .endSpec()
                    .build());
    client
        .storage()
        .v1()
        .storageClasses()
        .resource(
            new StorageClassBuilder()
                .withNewMetadata()
                .withName("fast-local")
                .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
                .endMetadata()
                .withProvisioner("local")
                .build())
        .create();
    client
        .persistentVolumeClaims()
        .inNamespace("crypt-lab")
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("data")
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .addToRequests("storage", new Quantity("10Gi"))
                .endResources()
                .endSpec()
                .build())
        .create();
    awaitReason("crypt-lab", "tenant/encryption", "UnencryptedVolume");
    assertThat(responsibility(get("crypt-lab"), "tenant/encryption").message())
        .startsWith("PersistentVolumeClaim crypt-lab/data uses StorageClass fast-local");
  }

  @Test
  void platformPatchingReadsTheApiServersVersion() {
    create("version-lab");
    awaitState("version-lab", "platform/patching", ResponsibilityState.Met);
    assertThat(responsibility(get("version-lab"), "platform/patching").message())
        .isEqualTo("The API server runs Kubernetes 1.33, within 1.31 to 1.33.");

    // Three releases later, the same server is out of the window.
    editBaseline(b -> Fixtures.with(b, "patching", new PatchingPolicy(null, null, "1.36", null)));
    try {
      awaitReason("version-lab", "platform/patching", "UnsupportedVersion");
    } finally {
      editBaseline(b -> Fixtures.with(b, "patching", Fixtures.baseline().getSpec().patching()));
    }
  }

  @Test
  void aWorkloadInAProjectsNamespaceVerifiesNoAttestation() {
    create("rogue-lab");
    create("witness-lab");
    // A developer of rogue-lab runs a DaemonSet that looks like the platform's audit shipper.
    client
        .apps()
        .daemonSets()
        .inNamespace("rogue-lab")
        .resource(
            new DaemonSetBuilder()
                .withNewMetadata()
                .withName("audit-log-shipper")
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("shipper")
                .withImage("registry.example.org/shipper:1.0")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withDesiredNumberScheduled(3)
                .withNumberReady(3)
                .endStatus()
                .build())
        .create();
    editBaseline(
        b ->
            Fixtures.with(
                b,
                "attestations",
                List.of(
                    new Attestation(
                        PlatformDuty.AuditLogging,
                        "ciso@example.org",
                        "2026-10-01T00:00:00Z",
                        "https://example.org/audit-policy",
                        "2099-01-01T00:00:00Z",
                        new WorkloadReference(
                            WorkloadKind.DaemonSet, "rogue-lab", "audit-log-shipper")))));
    try {
      // Every project reads the attestation as unverified; rogue-lab, which now holds a
      // namespace the platform names, is refused until one of the two moves.
      awaitReason("witness-lab", "platform/audit-logging", "WorkloadInProjectNamespace");
      assertThat(
              ProjectStatus.condition(
                      ProjectStatus.awaitReady(client, "rogue-lab", "False"), "Ready")
                  .getReason())
          .isEqualTo("NamespaceProtected");
    } finally {
      editBaseline(b -> Fixtures.with(b, "attestations", Fixtures.attestations()));
    }
  }

  @Test
  void anExceptionHoldsUntilItExpiresWithAnEventAtEachEnd() {
    create("waived-lab");
    ResearchProject noContact =
        Fixtures.with(
            Fixtures.project("waived-lab", "waived-lab"),
            "contacts",
            new org.researchclouds.operator.api.Contacts("pi@example.org", null));
    client
        .resources(ResearchProject.class)
        .withName("waived-lab")
        .edit(
            p -> {
              p.setSpec(noContact.getSpec());
              return p;
            });
    awaitReason("waived-lab", "shared/incident-response", "NoProjectSecurityContact");

    Instant expires = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
    editBaseline(
        b ->
            Fixtures.with(
                b,
                "exceptions",
                List.of(
                    new ControlException(
                        "waived-lab",
                        "shared/incident-response",
                        "ticket OPS-9: new contact starts Monday",
                        "cloud@example.org",
                        expires.toString()))));
    awaitState("waived-lab", "shared/incident-response", ResponsibilityState.Excepted);
    assertThat(get("waived-lab").getStatus().getSummary().shared()).isEqualTo("2/2 +1 excepted");
    assertThat(projectEvents("waived-lab")).contains("ExceptionStarted");
    // The baseline's own status lists the exception among what expires soon.
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              SecurityBaselineStatus baseline =
                  client.resources(SecurityBaseline.class).withName("default").get().getStatus();
              assertThat(baseline.conditions().get(0).getStatus()).isEqualTo("True");
              assertThat(baseline.projects()).isEqualTo(projectCount());
              assertThat(baseline.expiring())
                  .extracting(ExpiringGrant::name)
                  .contains("waived-lab shared/incident-response");
            });

    awaitReason("waived-lab", "shared/incident-response", "NoProjectSecurityContact");
    assertThat(responsibility(get("waived-lab"), "shared/incident-response").message())
        .startsWith("The exception granted by cloud@example.org expired at " + expires + ".");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(projectEvents("waived-lab")).contains("ExceptionEnded"));
  }

  private static final ResourceDefinitionContext REPORTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("aquasecurity.github.io")
          .withVersion("v1alpha1")
          .withKind("VulnerabilityReport")
          .withPlural("vulnerabilityreports")
          .withNamespaced(true)
          .build();

  private static void create(String name) {
    client.resource(Fixtures.project(name, name)).create();
    ProjectStatus.awaitReady(client, name, "True");
  }

  private static void editBaseline(UnaryOperator<SecurityBaseline> edit) {
    client.resources(SecurityBaseline.class).withName("default").edit(edit);
  }

  private static int projectCount() {
    return client.resources(ResearchProject.class).list().getItems().size();
  }

  private static ResearchProject get(String name) {
    return ProjectStatus.get(client, name);
  }

  private static ResourceQuota quota(String namespace) {
    return client.resourceQuotas().inNamespace(namespace).withName(Names.COMPUTE_QUOTA).get();
  }

  private static void awaitState(String project, String control, ResponsibilityState state) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(responsibility(get(project), control).state()).isEqualTo(state));
  }

  private static void awaitReason(String project, String control, String reason) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(responsibility(get(project), control).reason()).isEqualTo(reason));
  }

  private static List<String> projectEvents(String project) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> project.equals(e.getInvolvedObject().getName()))
        .map(Event::getReason)
        .toList();
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(
      String name, String image) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
