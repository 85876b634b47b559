package org.researchclouds.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.Compliance;
import org.researchclouds.operator.api.Contacts;
import org.researchclouds.operator.api.DataClassification;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.EnforcementMode;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ExposureSource;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PatchingPolicy;
import org.researchclouds.operator.api.PeerSelector;
import org.researchclouds.operator.api.PlatformDuty;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.Protocol;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectSpec;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.SecurityBaselineSpec;
import org.researchclouds.operator.api.ServiceType;
import org.researchclouds.operator.api.TermsOfUse;
import org.researchclouds.operator.api.WorkloadReference;
import org.researchclouds.operator.controls.Finding;
import org.researchclouds.operator.controls.Observation;
import org.researchclouds.operator.controls.PlatformFacts;
import org.researchclouds.operator.controls.ScannerState;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.controls.Workloads;
import org.researchclouds.operator.local.ClusterSeed;
import org.researchclouds.operator.resources.ComputeDesired;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.NamespaceDesired;
import org.researchclouds.operator.resources.NetworkFloors;
import org.researchclouds.operator.resources.NetworkPolicyDesired;
import org.researchclouds.operator.resources.RoleBindingDesired;
import org.researchclouds.operator.validation.HostClaims;

/** Projects and baselines for every test, built in one place. */
public final class Fixtures {
  public static final String TERMS_VERSION = "2026-1";
  public static final String INGRESS_NAMESPACE = "ingress-nginx";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Fixtures() {}

  public static SecurityBaseline baseline(String name, EnforcementMode mode) {
    SecurityBaseline baseline = new SecurityBaseline();
    baseline.setMetadata(new ObjectMetaBuilder().withName(name).build());
    baseline.setSpec(
        new SecurityBaselineSpec(
            null,
            new PeerSelector(INGRESS_NAMESPACE, Map.of("app.kubernetes.io/name", "ingress-nginx")),
            null,
            null,
            null,
            null,
            null,
            null,
            new TermsOfUse(TERMS_VERSION, "https://example.org/terms"),
            mode,
            List.of("monitoring"),
            null,
            List.of(),
            null,
            PLATFORM_CONTACT,
            attestations(),
            null,
            null,
            new PatchingPolicy(null, null, SERVER_MINOR, null),
            null,
            null));
    return baseline;
  }

  public static final String PLATFORM_CONTACT = "cloud@example.org";

  /** The release the unit tests' API server runs, the newest the fixture baseline supports. */
  public static final String SERVER_MINOR = "1.33";

  /** Every duty attested by the platform team, for a year from {@link #NOW}. */
  public static List<Attestation> attestations() {
    return Arrays.stream(PlatformDuty.values())
        .map(
            duty ->
                new Attestation(
                    duty,
                    PLATFORM_CONTACT,
                    "2026-11-01T00:00:00Z",
                    "https://example.org/evidence/" + duty,
                    "2027-11-01T00:00:00Z",
                    null))
        .toList();
  }

  public static SecurityBaseline baseline() {
    return baseline("default", EnforcementMode.Audit);
  }

  /** A complete, valid project: one web exposure through the ingress controller, HTTPS egress. */
  public static ResearchProject project(String name, String... namespaces) {
    return project(
        name,
        spec(
            List.of(namespaces),
            new NetworkSpec(List.of(webExposure(name + ".example.org")), List.of(httpsEgress())),
            DeletionPolicy.Retain));
  }

  public static ResearchProject project(String name, ResearchProjectSpec spec) {
    ResearchProject project = new ResearchProject();
    project.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            // The same name gives the same UID, so that fixtures built twice are one project; a
            // test of another incarnation sets its own.
            .withUid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString())
            .withGeneration(1L)
            .build());
    project.setSpec(spec);
    return project;
  }

  public static ResearchProjectSpec spec(
      List<String> namespaces, NetworkSpec network, DeletionPolicy deletion) {
    return spec(namespaces, network, deletion, null);
  }

  public static ResearchProjectSpec spec(
      List<String> namespaces, NetworkSpec network, DeletionPolicy deletion, BackupSpec backup) {
    return new ResearchProjectSpec(
        namespaces.isEmpty() ? null : namespaces,
        "Genome assembly lab",
        new Contacts("pi@example.org", "security@example.org"),
        DataClassification.SENSITIVE,
        List.of(
            new Member(MemberKind.User, "pi@example.org", null, ProjectRole.maintainer),
            new Member(MemberKind.Group, "genomics-students", null, ProjectRole.viewer)),
        network,
        new Compliance(TERMS_VERSION, "pi@example.org", "2026-09-01T00:00:00Z"),
        backup,
        deletion,
        null);
  }

  public static Exposure webExposure() {
    return webExposure("lab.example.org");
  }

  /** The web exposure, under a host of its own: a host belongs to one project only. */
  public static Exposure webExposure(String host) {
    return new Exposure(
        "web",
        Map.of("app", "portal"),
        List.of(new PortSpec(8080, null, Protocol.TCP)),
        new ExposureSource(true, null, null),
        null,
        ServiceType.ClusterIP,
        List.of(host));
  }

  /** No other project holds any Ingress host. */
  public static final HostClaims NO_HOST_CLAIMS = (claimant, host) -> Optional.empty();

  /** The objects of examples/, read once. */
  public static final List<HasMetadata> EXAMPLES =
      ClusterSeed.read(ClusterSeed.exampleFiles(Path.of("examples")));

  /** One object of examples/, by kind and name. */
  public static <T extends HasMetadata> T example(Class<T> type, String name) {
    return EXAMPLES.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow();
  }

  /** The time every unit test's observation is made at. */
  public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  /** What the controls see once the operator has applied everything and nobody else acted. */
  public static Observation applied(ResearchProject project, SecurityBaseline baseline) {
    return applied(project, baseline, VeleroFixtures.healthy(project, baseline, NOW));
  }

  /** The same, with what Velero holds for the project given. */
  public static Observation applied(
      ResearchProject project, SecurityBaseline baseline, VeleroState velero) {
    Map<String, Namespace> namespaces = new LinkedHashMap<>();
    Map<String, List<NetworkPolicy>> policies = new LinkedHashMap<>();
    Map<String, List<RoleBinding>> bindings = new LinkedHashMap<>();
    for (String name : project.namespaceNames()) {
      namespaces.put(name, NamespaceDesired.desired(project, name, baseline));
      policies.put(
          name,
          new ArrayList<>(
              NetworkPolicyDesired.desired(project, name, Fixtures.floors(project, baseline))));
      bindings.put(name, new ArrayList<>(RoleBindingDesired.desired(project, name)));
    }
    return new Observation(
        project,
        baseline,
        namespaces,
        policies,
        List.of(),
        List.of(),
        bindings,
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        velero,
        Map.of(),
        Map.of(),
        appliedWorkloads(project, baseline),
        platform(baseline),
        NOW);
  }

  /**
   * The operator's quota and container defaults in every namespace, counted by a quota controller,
   * a scanner installed, and nothing running yet.
   */
  public static Workloads appliedWorkloads(ResearchProject project, SecurityBaseline baseline) {
    List<ResourceQuota> quotas = new ArrayList<>();
    List<LimitRange> limitRanges = new ArrayList<>();
    for (String name : project.namespaceNames()) {
      ResourceQuota quota = ComputeDesired.resourceQuota(project, name, baseline);
      quota.setStatus(new ResourceQuotaStatusBuilder().withHard(quota.getSpec().getHard()).build());
      quotas.add(quota);
      limitRanges.add(ComputeDesired.limitRange(project, name, baseline));
    }
    return new Workloads(
        List.of(), List.of(), new ScannerState(true, List.of()), quotas, limitRanges);
  }

  /** A supported API server with a default StorageClass. */
  public static PlatformFacts platform() {
    return platform(baseline());
  }

  /** The same, with every workload the baseline's attestations name running. */
  public static PlatformFacts platform(SecurityBaseline baseline) {
    Map<WorkloadReference, Finding> running = new LinkedHashMap<>();
    baseline.getSpec().attestationsOrEmpty().stream()
        .map(Attestation::verifiedBy)
        .filter(Objects::nonNull)
        .forEach(w -> running.put(w, Finding.met("WorkloadReady", w + " is ready on 3 nodes.")));
    return new PlatformFacts(
        Optional.of(SERVER_MINOR), "", running, Set.of(STORAGE_CLASS), Optional.of(STORAGE_CLASS));
  }

  public static final String STORAGE_CLASS = "standard";

  /** The observation with the platform seen as given. */
  public static Observation withPlatform(Observation o, PlatformFacts platform) {
    return observed(o, o.services(), o.ingresses(), o.workloads(), platform, o.now());
  }

  /** The observation as made at another time. */
  public static Observation at(Observation o, Instant now) {
    return observed(o, o.services(), o.ingresses(), o.workloads(), o.platform(), now);
  }

  /** The observation with these workloads in the namespaces. */
  public static Observation withWorkloads(Observation o, Workloads workloads) {
    return observed(o, o.services(), o.ingresses(), workloads, o.platform(), o.now());
  }

  /** The observation with these Services and Ingresses in the namespaces. */
  public static Observation withExposed(
      Observation o, List<Service> services, List<Ingress> ingresses) {
    return observed(o, services, ingresses, o.workloads(), o.platform(), o.now());
  }

  private static Observation observed(
      Observation o,
      List<Service> services,
      List<Ingress> ingresses,
      Workloads workloads,
      PlatformFacts platform,
      Instant now) {
    return new Observation(
        o.project(),
        o.baseline(),
        o.namespaces(),
        o.policies(),
        services,
        ingresses,
        o.roleBindings(),
        o.roles(),
        o.clusterRoles(),
        o.velero(),
        o.peers(),
        o.foreignHosts(),
        workloads,
        platform,
        now);
  }

  /** The network floors of a project that names no other project, at {@link #NOW}. */
  public static NetworkFloors floors(ResearchProject project, SecurityBaseline baseline) {
    return NetworkFloors.of(baseline, project, Map.of(), NOW);
  }

  /** A copy of the project with one spec field, named as in YAML, set to {@code value}. */
  public static ResearchProject with(ResearchProject project, String field, Object value) {
    ResearchProject copy = SERIALIZATION.clone(project);
    copy.setSpec(replaced(project.getSpec(), field, value, ResearchProjectSpec.class));
    return copy;
  }

  /** A copy of the baseline with one spec field, named as in YAML, set to {@code value}. */
  public static SecurityBaseline with(SecurityBaseline baseline, String field, Object value) {
    SecurityBaseline copy = SERIALIZATION.clone(baseline);
    copy.setSpec(replaced(baseline.getSpec(), field, value, SecurityBaselineSpec.class));
    return copy;
  }

  private static <T> T replaced(T spec, String field, Object value, Class<T> type) {
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = SERIALIZATION.convertValue(spec, Map.class);
    fields.put(field, value == null ? null : SERIALIZATION.convertValue(value, Object.class));
    return SERIALIZATION.convertValue(fields, type);
  }

  /** A RoleBinding nobody declared that gives {@code user} the built-in admin role. */
  public static RoleBinding adminBinding(String namespace, String user) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName("extra-admin")
        .withNamespace(namespace)
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole")
        .withName("admin")
        .endRoleRef()
        .addNewSubject()
        .withKind("User")
        .withName(user)
        .withApiGroup("rbac.authorization.k8s.io")
        .endSubject()
        .build();
  }

  /** Backups switched off, for tests that are not about them. */
  /** A namespace the platform handed to a project by name, as an administrator annotates it. */
  public static Namespace handedOver(String namespace, String project) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(namespace)
        .addToAnnotations(Names.ADOPTABLE_BY_ANNOTATION, project)
        .endMetadata()
        .build();
  }

  public static BackupSpec noBackups() {
    return new BackupSpec(false, null, null, null, null, null);
  }

  public static Egress httpsEgress() {
    return new Egress(
        "https", List.of("0.0.0.0/0"), null, List.of(new PortSpec(443, null, Protocol.TCP)));
  }
}
