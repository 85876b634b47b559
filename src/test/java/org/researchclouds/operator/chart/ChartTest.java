package org.researchclouds.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.researchclouds.operator.chart.RenderedChart.FULL_NAME;
import static org.researchclouds.operator.chart.RenderedChart.NAMESPACE;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OwnCrdSchemas;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.api.EncryptionPolicy;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.Names;

/** The Helm chart, linted and rendered by real Helm, with default and non-default values. */
class ChartTest {
  /** Every permission the operator holds, as group/resource and verbs: exactly these. */
  private static final Map<String, Set<String>> OPERATOR_RULES =
      Map.ofEntries(
          Map.entry(
              "researchclouds.org/researchprojects",
              Set.of("get", "list", "watch", "update", "patch")),
          Map.entry("researchclouds.org/researchprojects/status", Set.of("get", "update")),
          Map.entry("researchclouds.org/securitybaselines", Set.of("get", "list", "watch")),
          Map.entry("researchclouds.org/securitybaselines/status", Set.of("get", "update")),
          Map.entry(
              "apiextensions.k8s.io/customresourcedefinitions", Set.of("get", "list", "watch")),
          Map.entry("/namespaces", Set.of("get", "list", "watch", "create", "update", "delete")),
          Map.entry(
              "networking.k8s.io/networkpolicies",
              Set.of("get", "list", "watch", "create", "update", "delete")),
          Map.entry("/services", Set.of("get", "list", "watch")),
          Map.entry("networking.k8s.io/ingresses", Set.of("get", "list", "watch")),
          Map.entry(
              "rbac.authorization.k8s.io/rolebindings",
              Set.of("get", "list", "watch", "create", "update", "delete")),
          Map.entry("rbac.authorization.k8s.io/roles", Set.of("get", "list", "watch")),
          // Compute: the operator's own quota and container defaults in project namespaces.
          Map.entry(
              "/resourcequotas", Set.of("get", "list", "watch", "create", "update", "delete")),
          Map.entry("/limitranges", Set.of("get", "list", "watch", "create", "update", "delete")),
          // What runs, for patching and encryption; read only.
          Map.entry("/pods", Set.of("get", "list", "watch")),
          Map.entry("/persistentvolumeclaims", Set.of("get", "list", "watch")),
          Map.entry("apps/deployments", Set.of("get", "list", "watch")),
          Map.entry("apps/statefulsets", Set.of("get", "list", "watch")),
          Map.entry("apps/daemonsets", Set.of("get")),
          Map.entry("batch/jobs", Set.of("get", "list", "watch")),
          Map.entry("batch/cronjobs", Set.of("get", "list", "watch")),
          Map.entry("storage.k8s.io/storageclasses", Set.of("get", "list", "watch")),
          Map.entry("aquasecurity.github.io/vulnerabilityreports", Set.of("get", "list", "watch")),
          Map.entry(
              "rbac.authorization.k8s.io/clusterroles",
              Set.of("get", "list", "watch", "create", "update", "delete")),
          Map.entry(
              "rbac.authorization.k8s.io/clusterrolebindings",
              Set.of("get", "list", "watch", "create", "update", "delete")),
          // Velero writes: cluster-wide, confined to Velero's namespace by the admission policy.
          Map.entry(
              "velero.io/schedules", Set.of("get", "list", "watch", "create", "update", "delete")),
          Map.entry("velero.io/backups", Set.of("get", "list", "watch", "create")),
          Map.entry("velero.io/restores", Set.of("get", "list", "watch", "create", "delete")),
          Map.entry("velero.io/backupstoragelocations", Set.of("get", "list", "watch")));

  @Test
  void lintsClean() {
    LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  void theChartsCrdsAreTheGeneratedOnes() throws IOException {
    for (String crd :
        new String[] {
          "researchprojects.researchclouds.org.yaml", "securitybaselines.researchclouds.org.yaml"
        }) {
      assertThat(Files.readString(RenderedChart.CHART.resolve("crds").resolve(crd)))
          .as("%s in the chart differs from crds/: run `make crds`", crd)
          .isEqualTo(Files.readString(Path.of("crds", crd)));
    }
  }

  @Test
  void theOperatorHoldsExactlyThePermissionsItNeedsAndNoWildcard() {
    RenderedChart chart = RenderedChart.render(Map.of());
    ClusterRole role = chart.get("ClusterRole", FULL_NAME, ClusterRole.class);

    Map<String, Set<String>> granted = new TreeMap<>();
    for (PolicyRule rule : role.getRules()) {
      assertThat(
              Stream.of(rule.getApiGroups(), rule.getResources(), rule.getVerbs())
                  .flatMap(List::stream))
          .as("a wildcard in %s", rule)
          .doesNotContain("*");
      if (rule.getResourceNames() == null || rule.getResourceNames().isEmpty()) {
        for (String resource : rule.getResources()) {
          granted
              .computeIfAbsent(rule.getApiGroups().get(0) + "/" + resource, k -> new TreeSet<>())
              .addAll(rule.getVerbs());
        }
      }
    }
    assertThat(granted).isEqualTo(new TreeMap<>(OPERATOR_RULES));
    assertThat(role.getRules())
        .filteredOn(rule -> rule.getResourceNames() != null && !rule.getResourceNames().isEmpty())
        .singleElement()
        .satisfies(
            bind -> {
              assertThat(bind.getVerbs()).containsExactly("bind");
              assertThat(bind.getResources()).containsExactly("clusterroles");
              assertThat(bind.getResourceNames())
                  .containsExactlyInAnyOrder(
                      Arrays.stream(ProjectRole.values())
                          .map(Names::clusterRole)
                          .toArray(String[]::new));
            });
    assertThat(chart.find("Role", FULL_NAME + "-velero"))
        .as("installs before Velero's namespace exists")
        .isEmpty();
    assertThat(chart.get("Role", FULL_NAME + "-leader-election", Role.class).getRules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.getResources()).containsExactly("leases"));
    Role events = chart.get("Role", FULL_NAME + "-events", Role.class);
    assertThat(events.getMetadata().getNamespace())
        .as("where the API server keeps Events about cluster-scoped objects")
        .isEqualTo("default");
    assertThat(events.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getResources()).containsExactly("events");
              assertThat(rule.getVerbs()).containsExactly("create", "get");
            });
  }

  @Test
  void everyBindingOfTheChartBindsTheOperatorsServiceAccountOnly() {
    RenderedChart chart = RenderedChart.render(Map.of());
    List<Subject> subjects =
        Stream.concat(
                chart.ofKind("RoleBinding", RoleBinding.class).stream()
                    .flatMap(b -> b.getSubjects().stream()),
                chart.ofKind("ClusterRoleBinding", ClusterRoleBinding.class).stream()
                    .flatMap(b -> b.getSubjects().stream()))
            .toList();

    assertThat(subjects)
        .hasSize(3) // the ClusterRoleBinding, and the Lease and Events RoleBindings
        .allSatisfy(
            subject -> {
              assertThat(subject.getKind()).isEqualTo("ServiceAccount");
              assertThat(subject.getName()).isEqualTo(FULL_NAME);
              assertThat(subject.getNamespace()).isEqualTo(NAMESPACE);
            });
  }

  @Test
  void theOperatorPodIsHardenedAndProbed() {
    Deployment deployment =
        RenderedChart.render(Map.of()).get("Deployment", FULL_NAME, Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container operator = pod.getContainers().get(0);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(operator.getArgs()).contains("--leader-election-namespace=$(POD_NAMESPACE)");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(operator.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(operator.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(operator.getResources().getLimits()).containsKey("memory");
    assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(operator.getImage()).endsWith(":0.1.0");
    assertThat(pod.getTopologySpreadConstraints())
        .singleElement()
        .satisfies(
            spread -> {
              assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
              assertThat(spread.getLabelSelector().getMatchLabels())
                  .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            });
  }

  @Test
  void byDefaultTwoReplicasGetADisruptionBudgetTheOperatorANetworkPolicyAndNoServiceMonitor() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(chart.find("PodDisruptionBudget", FULL_NAME)).isPresent();
    assertThat(chart.find("NetworkPolicy", FULL_NAME)).isPresent();
    assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
    assertThat(chart.ofKind("ClusterRole"))
        .extracting(r -> r.getMetadata().getName())
        .contains(
            Arrays.stream(ProjectRole.values()).map(Names::clusterRole).toArray(String[]::new));
  }

  @Test
  void theDefaultBaselineIsTheExampleOneWithoutItsClaimsAndValidAgainstOurCrd() throws IOException {
    RenderedChart chart = RenderedChart.render(Map.of());
    GenericKubernetesResource baseline = chart.find("SecurityBaseline", "default").orElseThrow();
    SecurityBaseline example =
        Serialization.unmarshal(
            Files.readString(Path.of("examples", "securitybaseline-default.yaml")),
            SecurityBaseline.class);
    // What only the platform team can say of its own cluster is never a default: no attestation,
    // no exception, no StorageClass taken as encrypted.
    EncryptionPolicy encryption = example.getSpec().encryption();
    SecurityBaseline claimless =
        Fixtures.with(
            Fixtures.with(
                Fixtures.with(example, "attestations", List.of()), "exceptions", List.of()),
            "encryption",
            new EncryptionPolicy(encryption.requiredFor(), List.of(), encryption.tlsPorts()));

    assertThat(chart.get("SecurityBaseline", "default", SecurityBaseline.class).getSpec())
        .isEqualTo(claimless.getSpec());
    assertThat(OwnCrdSchemas.errors("securitybaselines.researchclouds.org.yaml", baseline))
        .isEmpty();
  }

  @Test
  void everyRenderedKubernetesObjectIsValidAgainstTheOfficialSchemas() {
    RenderedChart chart = RenderedChart.render(Map.of("serviceMonitor", Map.of("enabled", true)));

    for (GenericKubernetesResource object : chart.all()) {
      OfficialSchema.of(object)
          .ifPresent(
              schema ->
                  assertThat(
                          UpstreamSchemas.kubernetesErrors(
                              object, schema.document(), schema.name()))
                      .as("%s %s", object.getKind(), object.getMetadata().getName())
                      .isEmpty());
    }
    assertThat(
            UpstreamSchemas.crdErrors(
                chart.find("ServiceMonitor", FULL_NAME).orElseThrow(),
                "monitoring.coreos.com_servicemonitors.yaml"))
        .isEmpty();
  }

  @Test
  void nonDefaultValuesShapeTheRelease() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "replicaCount", 1,
                "leaderElection", Map.of("enabled", false),
                "image", Map.of("repository", "registry.example.org/platform/rpo", "tag", "1.2.3"),
                "serviceMonitor",
                    Map.of("enabled", true, "labels", Map.of("release", "kube-prometheus")),
                "networkPolicy", Map.of("enabled", false),
                "velero", Map.of("namespace", "backup-system", "namespacedRole", true),
                "tenantRoles", Map.of("create", false),
                "baseline", Map.of("create", false)));
    Container operator =
        chart
            .get("Deployment", FULL_NAME, Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(operator.getImage()).isEqualTo("registry.example.org/platform/rpo:1.2.3");
    assertThat(operator.getArgs()).noneMatch(arg -> arg.startsWith("--leader-election"));
    assertThat(chart.find("Role", FULL_NAME + "-leader-election")).isEmpty();
    assertThat(chart.ofKind("PodDisruptionBudget")).isEmpty();
    assertThat(chart.ofKind("NetworkPolicy")).isEmpty();
    assertThat(chart.ofKind("SecurityBaseline")).isEmpty();
    assertThat(chart.ofKind("ClusterRole"))
        .singleElement()
        .satisfies(r -> assertThat(r.getMetadata().getName()).isEqualTo(FULL_NAME));
    assertThat(chart.find("Role", FULL_NAME + "-velero").orElseThrow().getMetadata().getNamespace())
        .isEqualTo("backup-system");
    assertThat(chart.find("ServiceMonitor", FULL_NAME).orElseThrow().getMetadata().getLabels())
        .containsEntry("release", "kube-prometheus");
    assertThat(chart.all())
        .allSatisfy(
            o -> {
              if (o.getMetadata().getNamespace() != null
                  && !Set.of("backup-system", "default").contains(o.getMetadata().getNamespace())) {
                assertThat(o.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValuesAreRejectedNamingTheField(String field, Map<String, ?> values) {
    assertThatThrownBy(() -> RenderedChart.render(values))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(field);
  }

  @Test
  void aVeleroNamespaceThatDiffersFromTheBaselinesIsRejected() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("velero", Map.of("namespace", "backups"))))
        .hasMessageContaining(
            "velero.namespace (backups) and baseline.spec.backup.veleroNamespace (velero) differ");
  }

  @Test
  void dayTwoDetails() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "baseline",
                Map.of(
                    "spec",
                    Map.of(
                        "dns",
                        Map.of("namespace", "dns-system", "podSelector", Map.of("app", "coredns")),
                        "backup",
                        Map.of("veleroNamespace", "velero")))));
    Container operator =
        chart
            .get("Deployment", FULL_NAME, Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(operator.getStartupProbe().getHttpGet().getPath())
        .as("a start that hangs is restarted")
        .isEqualTo("/readyz");
    assertThat(
            Stream.concat(
                chart.ofKind("ClusterRole").stream()
                    .filter(r -> r.getMetadata().getName().startsWith("researchproject-")),
                chart.ofKind("SecurityBaseline").stream()))
        .hasSize(4)
        .allSatisfy(
            kept ->
                assertThat(kept.getMetadata().getAnnotations())
                    .containsEntry("helm.sh/resource-policy", "keep"));
    var dns =
        chart
            .get(
                "NetworkPolicy",
                FULL_NAME,
                io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class)
            .getSpec()
            .getEgress()
            .get(1)
            .getTo()
            .get(0);
    assertThat(dns.getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "dns-system");
    assertThat(dns.getPodSelector().getMatchLabels()).containsEntry("app", "coredns");
  }

  @Test
  void operabilityValuesReachTheOperator() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "image",
                Map.of(
                    "repository", "registry.example.org/rpo", "digest", "sha256:" + "a".repeat(64)),
                "logging",
                Map.of("level", "DEBUG", "format", "json"),
                "podSecurityContext",
                Map.of("runAsUser", 1000700000, "runAsGroup", 1000700000),
                "extraEnv",
                List.of(Map.of("name", "HTTPS_PROXY", "value", "http://proxy:3128")),
                "extraArgs",
                List.of("--when-unreachable=fail"),
                "javaOpts",
                "-Xss512k -Dproxy.note=a: b #c",
                "fullnameOverride",
                "rpo"));
    Deployment deployment = chart.get("Deployment", "rpo", Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container operator = pod.getContainers().get(0);

    assertThat(operator.getImage()).isEqualTo("registry.example.org/rpo@sha256:" + "a".repeat(64));
    assertThat(operator.getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .contains(
            "LOG_LEVEL=DEBUG",
            "LOG_FORMAT=json",
            "HTTPS_PROXY=http://proxy:3128",
            "JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Xss512k"
                + " -Dproxy.note=a: b #c");
    assertThat(operator.getArgs()).contains("--when-unreachable=fail");
    assertThat(pod.getSecurityContext().getRunAsUser())
        .as("a UID from the project's OpenShift range")
        .isEqualTo(1000700000L);
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem())
        .as("the container's hardening stays by default")
        .isTrue();
  }

  /**
   * helm-java's template leaves hooks out, so the pre-delete hook is checked as Helm's linter
   * renders it, and by its source.
   */
  @Test
  void uninstallIsRefusedWhileProjectsExistUnlessForced() throws IOException {
    String hook = Files.readString(RenderedChart.CHART.resolve("templates/uninstall-check.yaml"));

    assertThat(hook)
        .contains("helm.sh/hook: pre-delete")
        .contains("args: [check-uninstall]")
        .contains("{{- if and .Values.uninstall.guard (not .Values.uninstall.force) }}")
        .contains("toYaml .Values.securityContext");
    LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("uninstall-check"));
  }

  @Test
  void refusesAKubernetesOlderThanItsAdmissionPoliciesNeed() {
    assertThatThrownBy(
            () ->
                new Helm(RenderedChart.CHART)
                    .template()
                    .withKubeVersion("1.29.9")
                    .withName(RenderedChart.RELEASE)
                    .call())
        .hasMessageContaining("chart requires kubeVersion: >= 1.30.0-0");
  }

  @Test
  void veleroWritesStayConfinedWithoutTheAdmissionPolicy() {
    assertThatThrownBy(
            () -> RenderedChart.render(Map.of("admissionPolicy", Map.of("enabled", false))))
        .hasMessageContaining("set velero.namespacedRole to true");

    RenderedChart namespaced =
        RenderedChart.render(
            Map.of(
                "admissionPolicy", Map.of("enabled", false),
                "velero", Map.of("namespace", "velero", "namespacedRole", true)));
    assertThat(namespaced.ofKind("ValidatingAdmissionPolicy")).isEmpty();
    assertThat(namespaced.get("ClusterRole", FULL_NAME, ClusterRole.class).getRules())
        .filteredOn(rule -> rule.getApiGroups().contains("velero.io"))
        .allSatisfy(rule -> assertThat(rule.getVerbs()).containsOnly("get", "list", "watch"));
    assertThat(
            namespaced.get("Role", FULL_NAME + "-velero", Role.class).getMetadata().getNamespace())
        .isEqualTo("velero");
    assertThat(namespaced.get("ClusterRole", FULL_NAME, ClusterRole.class).getRules())
        .as("Events only in default")
        .noneMatch(rule -> rule.getResources().contains("events"));
    assertThat(
            namespaced.get("Role", FULL_NAME + "-events", Role.class).getMetadata().getNamespace())
        .isEqualTo("default");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("replicaCount", Map.of("replicaCount", 0)),
        Arguments.of(
            "leaderElection",
            Map.of("replicaCount", 3, "leaderElection", Map.of("enabled", false))),
        Arguments.of("pullPolicy", Map.of("image", Map.of("pullPolicy", "Sometimes"))),
        Arguments.of("httpPort", Map.of("httpPort", 80)),
        Arguments.of("resyncInterval", Map.of("resyncInterval", "5m")),
        Arguments.of("replicas", Map.of("replicas", 2)),
        Arguments.of(
            "enforcementMode",
            Map.of("baseline", Map.of("spec", Map.of("enforcementMode", "Block")))),
        Arguments.of("namespace", Map.of("velero", Map.of("namespace", "Velero_NS"))),
        // The chart sets these; a second one would crash-loop the operator or hide its logs.
        Arguments.of("extraArgs", Map.of("extraArgs", List.of("--resync=PT1M"))),
        Arguments.of("extraEnv", Map.of("extraEnv", List.of(Map.of("name", "LOG_FORMAT")))));
  }
}
