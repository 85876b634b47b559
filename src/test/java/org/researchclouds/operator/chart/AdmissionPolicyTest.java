package org.researchclouds.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.CelFactory;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelStandardMacro;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.chart.AdmissionPolicy.Request;
import org.researchclouds.operator.resources.ComputeDesired;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.NamespaceDesired;
import org.researchclouds.operator.resources.NetworkPolicyDesired;
import org.researchclouds.operator.resources.RoleBindingDesired;
import org.researchclouds.operator.resources.SelfServiceDesired;
import org.researchclouds.operator.resources.SelfServiceDesired.Access;

/**
 * The operator's own power (docs/threat-model.md): the writes a compromised operator pod would make
 * with the chart's RBAC are denied by the chart's ValidatingAdmissionPolicy, evaluated in CEL as
 * the API server would; the operator's own kinds of writes are admitted. Every write the operator
 * makes in the integration tests is checked too, by OperatorHarness.
 */
class AdmissionPolicyTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final AdmissionPolicy POLICY = AdmissionPolicy.ofDefaultValues();
  private static final String RBAC = "rbac.authorization.k8s.io";
  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final Map<String, Object> projectNamespace =
      map(NamespaceDesired.desired(project, "lab", Fixtures.baseline()));

  @Test
  void bindingAProjectRoleClusterWideIsDenied() {
    Map<String, Object> binding =
        Map.of(
            "metadata", Map.of("name", "everyone-maintains"),
            "roleRef", Map.of("kind", "ClusterRole", "name", "researchproject-maintainer"),
            "subjects", List.of(Map.of("kind", "Group", "name", "system:authenticated")));

    assertThat(denials("CREATE", RBAC, "clusterrolebindings", binding, null, null)).isNotEmpty();
  }

  @Test
  void aSelfServiceNameDoesNotCoverOtherRightsOrRoles() {
    Map<String, Object> toAdmin =
        Map.of(
            "metadata", Map.of("name", "researchproject-self-lab"),
            "roleRef", Map.of("kind", "ClusterRole", "name", "cluster-admin"),
            "subjects", List.of(Map.of("kind", "User", "name", "mallory")));
    Map<String, Object> everything =
        Map.of(
            "metadata",
            Map.of("name", "researchproject-self-lab"),
            "rules",
            List.of(
                Map.of(
                    "apiGroups", List.of("*"),
                    "resources", List.of("*"),
                    "verbs", List.of("*"))));

    assertThat(denials("CREATE", RBAC, "clusterrolebindings", toAdmin, null, null)).isNotEmpty();
    assertThat(denials("UPDATE", RBAC, "clusterroles", everything, everything, null)).isNotEmpty();
  }

  /** RBAC matches an empty resource name to requests that name no object: list every project. */
  @Test
  void aSelfServiceRoleNamesItsProject() {
    for (String prefix : List.of("researchproject-read-", "researchproject-self-")) {
      Map<String, Object> listsAll =
          Map.of(
              "metadata",
              Map.of("name", prefix),
              "rules",
              List.of(
                  Map.of(
                      "apiGroups", List.of("researchclouds.org"),
                      "resources", List.of("researchprojects"),
                      "resourceNames", List.of(""),
                      "verbs", List.of("get", "list", "watch"))));

      assertThat(denials("CREATE", RBAC, "clusterroles", listsAll, null, null))
          .as(prefix)
          .isNotEmpty();
    }
  }

  @Test
  void thePlatformsNamespacesCannotBeDeletedNorTakenOver() {
    Map<String, Object> kubeSystem = Map.of("metadata", Map.of("name", "kube-system"));
    Map<String, Object> labelled =
        Map.of(
            "metadata",
            Map.of("name", "kube-system", "labels", Map.of(Names.PROJECT_UID_LABEL, "mallory")));

    assertThat(denials("DELETE", "", "namespaces", null, kubeSystem, null)).isNotEmpty();
    assertThat(denials("UPDATE", "", "namespaces", labelled, kubeSystem, null)).isNotEmpty();
    assertThat(denials("CREATE", "", "namespaces", kubeSystem, null, null)).isNotEmpty();
  }

  @Test
  void rbacAndNetworkWritesStayInProjectNamespaces() {
    Map<String, Object> kubeSystem = Map.of("metadata", Map.of("name", "kube-system"));
    Map<String, Object> binding = map(RoleBindingDesired.desired(project, "lab").get(0));
    Map<String, Object> toAdmin =
        Map.of(
            "metadata", Map.of("name", "x", "namespace", "lab"),
            "roleRef", Map.of("kind", "ClusterRole", "name", "admin"),
            "subjects", List.of(Map.of("kind", "User", "name", "mallory")));
    Map<String, Object> policy =
        map(
            NetworkPolicyDesired.desired(
                    project, "lab", Fixtures.floors(project, Fixtures.baseline()))
                .get(0));

    assertThat(denials("CREATE", RBAC, "rolebindings", binding, null, kubeSystem)).isNotEmpty();
    assertThat(denials("CREATE", RBAC, "rolebindings", toAdmin, null, projectNamespace))
        .isNotEmpty();
    assertThat(denials("CREATE", "networking.k8s.io", "networkpolicies", policy, null, kubeSystem))
        .isNotEmpty();
  }

  @Test
  void theOperatorWritesOnlyItsOwnQuotasAndOnlyInProjectNamespaces() {
    Map<String, Object> kubeSystem = Map.of("metadata", Map.of("name", "kube-system"));
    Map<String, Object> quota =
        map(ComputeDesired.resourceQuota(project, "lab", Fixtures.baseline()));
    Map<String, Object> limits =
        map(ComputeDesired.limitRange(project, "lab", Fixtures.baseline()));
    Map<String, Object> platformQuota =
        Map.of("metadata", Map.of("name", "gpu-budget", "namespace", "lab"), "spec", Map.of());

    assertThat(denials("CREATE", "", "resourcequotas", quota, null, projectNamespace)).isEmpty();
    assertThat(denials("CREATE", "", "limitranges", limits, null, projectNamespace)).isEmpty();
    assertThat(denials("UPDATE", "", "resourcequotas", quota, quota, projectNamespace)).isEmpty();
    assertThat(denials("CREATE", "", "resourcequotas", quota, null, kubeSystem)).isNotEmpty();
    // A quota the platform set by hand in a project namespace is neither lifted nor taken over.
    assertThat(denials("DELETE", "", "resourcequotas", null, platformQuota, projectNamespace))
        .isNotEmpty();
    assertThat(denials("UPDATE", "", "resourcequotas", quota, platformQuota, projectNamespace))
        .isNotEmpty();
  }

  @Test
  void noPrivilegedNamespaceNorTwoStepDeletion() {
    Map<String, Object> privileged =
        Map.of(
            "metadata",
            Map.of(
                "name",
                "lab",
                "labels",
                Map.of(
                    Names.PROJECT_UID_LABEL,
                    "any",
                    "pod-security.kubernetes.io/enforce",
                    "privileged")));
    Map<String, Object> adopted =
        Map.of(
            "metadata",
            Map.of(
                "name", "lab-shared",
                "labels", Map.of(Names.PROJECT_UID_LABEL, "uid"),
                "annotations", Map.of(Names.ORIGIN_ANNOTATION, "adopted")));
    Map<String, Object> claimedCreated =
        Map.of(
            "metadata",
            Map.of(
                "name",
                "lab-shared",
                "labels",
                Map.of(
                    Names.PROJECT_UID_LABEL,
                    "uid",
                    "pod-security.kubernetes.io/enforce",
                    "baseline"),
                "annotations",
                Map.of(Names.ORIGIN_ANNOTATION, "created")));

    assertThat(denials("CREATE", "", "namespaces", privileged, null, null)).isNotEmpty();
    assertThat(denials("UPDATE", "", "namespaces", privileged, projectNamespace, null))
        .isNotEmpty();
    assertThat(denials("UPDATE", "", "namespaces", claimedCreated, adopted, null)).isNotEmpty();
  }

  @Test
  void theOperatorCannotTurnVeleroNorEditProjects() {
    Map<String, Object> hooked =
        Map.of(
            "metadata",
            Map.of("name", "rpf-x-0123456789abcdef", "namespace", "velero"),
            "spec",
            Map.of(
                "includedNamespaces", List.of("kube-system"),
                "hooks", Map.of("resources", List.of(Map.of("name", "steal")))));
    Map<String, Object> clusterWide =
        Map.of(
            "metadata",
            Map.of("name", "rpd-0123-20261128120000", "namespace", "velero"),
            "spec",
            Map.of(
                "backupName",
                "any",
                "namespaceMapping",
                Map.of("lab", "rp-drill-x"),
                "includeClusterResources",
                true));
    Map<String, Object> project = map(this.project);
    Map<String, Object> rewritten = map(Fixtures.with(this.project, "displayName", "owned"));

    Map<String, Object> elsewhere =
        Map.of(
            "metadata", Map.of("name", "rpf-x-0123456789abcdef", "namespace", "kube-system"),
            "spec", Map.of("includedNamespaces", List.of("kube-system")));

    assertThat(denials("CREATE", "velero.io", "backups", elsewhere, null, null))
        .containsExactly("Velero objects only in Velero's namespace.");
    assertThat(denials("CREATE", "velero.io", "backups", hooked, null, null)).isNotEmpty();
    assertThat(denials("CREATE", "velero.io", "restores", clusterWide, null, null)).isNotEmpty();
    assertThat(denials("DELETE", "velero.io", "backups", null, hooked, null)).isNotEmpty();
    assertThat(
            denials("UPDATE", "researchclouds.org", "researchprojects", rewritten, project, null))
        .isNotEmpty();
    assertThat(denials("UPDATE", "researchclouds.org", "researchprojects", project, project, null))
        .as("a finalizer change leaves the spec as it is")
        .isEmpty();
  }

  @Test
  void theOperatorsOwnWritesAreAdmitted() {
    Map<String, Object> binding = map(RoleBindingDesired.desired(project, "lab").get(0));
    Map<String, Object> policy =
        map(
            NetworkPolicyDesired.desired(
                    project, "lab", Fixtures.floors(project, Fixtures.baseline()))
                .get(0));
    List<Map<String, Object>> selfService = new java.util.ArrayList<>();
    for (SelfServiceDesired.Access access : SelfServiceDesired.Access.values()) {
      selfService.add(map(SelfServiceDesired.role(project, access).orElseThrow()));
      selfService.add(map(SelfServiceDesired.binding(project, access).orElseThrow()));
    }

    assertThat(denials("CREATE", "", "namespaces", projectNamespace, null, null)).isEmpty();
    assertThat(denials("CREATE", RBAC, "rolebindings", binding, null, projectNamespace)).isEmpty();
    assertThat(denials("DELETE", RBAC, "rolebindings", null, binding, projectNamespace)).isEmpty();
    assertThat(
            denials(
                "CREATE", "networking.k8s.io", "networkpolicies", policy, null, projectNamespace))
        .isEmpty();
    for (Map<String, Object> object : selfService) {
      String resource = object.containsKey("rules") ? "clusterroles" : "clusterrolebindings";
      assertThat(denials("CREATE", RBAC, resource, object, null, null)).as(resource).isEmpty();
      assertThat(denials("UPDATE", RBAC, resource, object, object, null)).as(resource).isEmpty();
      assertThat(denials("DELETE", RBAC, resource, null, object, null)).as(resource).isEmpty();
    }
  }

  /** An administrator's role that happens to bear a project's self-service name. */
  @Test
  void anotherWritersSelfServiceNamesakeIsNotTheOperatorsToChange() {
    Map<String, Object> ours = map(SelfServiceDesired.role(project, Access.READ).orElseThrow());
    Map<String, Object> admins = new java.util.HashMap<>(ours);
    admins.put("metadata", Map.of("name", Names.selfRead("lab")));
    Map<String, Object> adminsBinding =
        new java.util.HashMap<>(
            map(SelfServiceDesired.binding(project, Access.READ).orElseThrow()));
    adminsBinding.put("metadata", Map.of("name", Names.selfRead("lab")));

    assertThat(denials("DELETE", RBAC, "clusterroles", null, admins, null)).isNotEmpty();
    assertThat(denials("UPDATE", RBAC, "clusterroles", ours, admins, null))
        .as("taken over by adding the operator's labels")
        .isNotEmpty();
    assertThat(denials("CREATE", RBAC, "clusterroles", admins, null, null))
        .as("written without the operator's labels")
        .isNotEmpty();
    assertThat(denials("DELETE", RBAC, "clusterrolebindings", null, adminsBinding, null))
        .isNotEmpty();
  }

  @Test
  void onlyTheOperatorIsBound() {
    Map<String, Object> kubeSystem = Map.of("metadata", Map.of("name", "kube-system"));

    assertThat(
            POLICY.denials(
                new Request(
                    "DELETE",
                    "",
                    "namespaces",
                    null,
                    kubeSystem,
                    null,
                    "system:admin",
                    List.of("system:masters"))))
        .as("the platform's own admins are not this policy's business")
        .isEmpty();
  }

  /** A maintainer drops the finalizer to skip the final backup and the release. */
  @Test
  void onlyTheOperatorRemovesItsFinalizer() {
    assertThat(droppingTheFinalizer("pi@example.org", "lab-maintainers")).isNotEmpty();
    assertThat(droppingTheFinalizer(AdmissionPolicy.operatorUser(), "system:serviceaccounts"))
        .isEmpty();
  }

  private static List<String> droppingTheFinalizer(String username, String group) {
    Map<String, Object> held =
        Map.of(
            "metadata",
            Map.of(
                "name",
                "lab",
                "finalizers",
                List.of("researchprojects.researchclouds.org/finalizer")));
    Map<String, Object> dropped = Map.of("metadata", Map.of("name", "lab"));
    return AdmissionPolicy.named(RenderedChart.FULL_NAME + "-finalizer")
        .denials(
            new Request(
                "UPDATE",
                "researchclouds.org",
                "researchprojects",
                dropped,
                held,
                null,
                username,
                List.of(group)));
  }

  /**
   * No expression loops or matches a regex, so each costs a fixed number of string operations, the
   * dearest bounded by the request size: far below the API server's limit per expression.
   */
  @Test
  void theExpressionsNeitherLoopNorMatch() throws Exception {
    var parser =
        CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS).build();
    List<String> expressions =
        Stream.concat(
                POLICY.expressions().stream(),
                AdmissionPolicy.named(RenderedChart.FULL_NAME + "-finalizer")
                    .expressions()
                    .stream())
            .toList();
    for (String expression : expressions) {
      CelExpr root = parser.parse(expression).getAst().getExpr();
      assertThat(descendants(root))
          .as(expression)
          .noneMatch(e -> e.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION && !isBind(e))
          .noneMatch(
              e ->
                  e.getKind() == CelExpr.ExprKind.Kind.CALL
                      && e.call().function().equals("matches"));
    }
  }

  private static boolean isBind(CelExpr expr) {
    return expr.comprehension().iterRange().getKind() == CelExpr.ExprKind.Kind.LIST
        && expr.comprehension().iterRange().list().elements().isEmpty();
  }

  private static Stream<CelExpr> descendants(CelExpr expr) {
    Stream<CelExpr> children =
        switch (expr.getKind()) {
          case SELECT -> Stream.of(expr.select().operand());
          case CALL -> Stream.concat(expr.call().target().stream(), expr.call().args().stream());
          case LIST -> expr.list().elements().stream();
          case MAP -> expr.map().entries().stream().flatMap(e -> Stream.of(e.key(), e.value()));
          case COMPREHENSION ->
              Stream.of(
                  expr.comprehension().iterRange(),
                  expr.comprehension().accuInit(),
                  expr.comprehension().loopCondition(),
                  expr.comprehension().loopStep(),
                  expr.comprehension().result());
          default -> Stream.empty();
        };
    return Stream.concat(Stream.of(expr), children.flatMap(AdmissionPolicyTest::descendants));
  }

  private static List<String> denials(
      String operation,
      String group,
      String resource,
      Map<String, Object> object,
      Map<String, Object> oldObject,
      Map<String, Object> namespaceObject) {
    return POLICY.denials(
        new Request(
            operation,
            group,
            resource,
            object,
            oldObject,
            namespaceObject,
            AdmissionPolicy.operatorUser(),
            List.of("system:serviceaccounts")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(HasMetadata object) {
    return SERIALIZATION.convertValue(object, Map.class);
  }
}
