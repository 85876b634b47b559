package org.researchclouds.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.resources.Names;

/** The chart's project roles grant no more than the README says they do. */
class TenantClusterRolesTest {
  private static final Set<String> FORBIDDEN_VERBS = Set.of("escalate", "bind", "impersonate", "*");
  private static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection");
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "nodes",
          "namespaces",
          "persistentvolumes",
          "clusterroles",
          "clusterrolebindings",
          "customresourcedefinitions",
          "storageclasses",
          "certificatesigningrequests",
          "mutatingwebhookconfigurations",
          "validatingwebhookconfigurations");
  private static Map<String, ClusterRole> roles;

  @BeforeAll
  static void render() {
    roles =
        RenderedChart.render(Map.of()).ofKind("ClusterRole", ClusterRole.class).stream()
            .filter(r -> r.getMetadata().getName().startsWith("researchproject-"))
            .collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> r));
  }

  @Test
  void shipsOneClusterRolePerProjectRoleUnderTheNamesTheOperatorBinds() {
    assertThat(roles.keySet())
        .containsExactlyInAnyOrder(
            Arrays.stream(ProjectRole.values()).map(Names::clusterRole).toArray(String[]::new));
  }

  @Test
  void noRuleHasWildcardsEscalationOrClusterScopedResources() {
    for (ClusterRole role : roles.values()) {
      assertThat(role.getAggregationRule()).as(role.getMetadata().getName()).isNull();
      for (PolicyRule rule : role.getRules()) {
        String where = role.getMetadata().getName() + " " + rule;
        assertThat(rule.getVerbs()).as(where).doesNotContainAnyElementsOf(FORBIDDEN_VERBS);
        assertThat(rule.getResources()).as(where).doesNotContain("*");
        assertThat(rule.getApiGroups()).as(where).doesNotContain("*");
        assertThat(rule.getNonResourceURLs()).as(where).isEmpty();
        assertThat(rule.getResources()).as(where).doesNotContainAnyElementsOf(CLUSTER_SCOPED);
      }
    }
  }

  @Test
  void nobodyWritesRbacNetworkPoliciesQuotasOrScanReports() {
    for (ClusterRole role : roles.values()) {
      for (PolicyRule rule : role.getRules()) {
        boolean writes = rule.getVerbs().stream().anyMatch(WRITE_VERBS::contains);
        if (writes) {
          assertThat(rule.getApiGroups())
              .as(role.getMetadata().getName())
              .doesNotContain("rbac.authorization.k8s.io");
          assertThat(rule.getResources())
              .as(role.getMetadata().getName())
              .doesNotContain(
                  "networkpolicies",
                  "roles",
                  "rolebindings",
                  "resourcequotas",
                  "limitranges",
                  "vulnerabilityreports");
        }
      }
    }
  }

  @Test
  void viewersCannotReadSecrets() {
    assertThat(roles.get(Names.clusterRole(ProjectRole.viewer)).getRules())
        .noneSatisfy(rule -> assertThat(rule.getResources()).contains("secrets"));
    assertThat(roles.get(Names.clusterRole(ProjectRole.viewer)).getRules())
        .allSatisfy(rule -> assertThat(rule.getVerbs()).containsOnly("get", "list", "watch"));
  }

  @Test
  void eachRoleGrantsAtLeastWhatTheRoleBelowItGrants() {
    assertThat(grants(ProjectRole.developer)).containsAll(grants(ProjectRole.viewer));
    assertThat(grants(ProjectRole.maintainer)).containsAll(grants(ProjectRole.developer));
  }

  private static Set<String> grants(ProjectRole role) {
    return roles.get(Names.clusterRole(role)).getRules().stream()
        .flatMap(
            rule ->
                rule.getApiGroups().stream()
                    .flatMap(
                        group ->
                            rule.getResources().stream()
                                .flatMap(
                                    resource ->
                                        rule.getVerbs().stream()
                                            .map(verb -> group + "/" + resource + ":" + verb))))
        .collect(Collectors.toSet());
  }
}
