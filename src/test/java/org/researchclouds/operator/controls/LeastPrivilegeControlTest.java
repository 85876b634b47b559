package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.AllowedBinding;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;

/** Every escalation path through a RoleBinding in a project namespace, and what is fine. */
class LeastPrivilegeControlTest {
  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final SecurityBaseline baseline = Fixtures.baseline();
  private final LeastPrivilegeControl control = new LeastPrivilegeControl();

  @Test
  void metWithOnlyTheManagedBindings() {
    Finding finding = control.evaluate(Fixtures.applied(project, baseline));

    assertThat(finding.state()).isEqualTo(ResponsibilityState.Met);
    assertThat(finding.message()).contains("2 member(s)");
  }

  @Test
  void builtInAdminRolesForOutsidersEscalate() {
    for (String role : List.of("admin", "edit", "cluster-admin")) {
      Observation observation = withBinding(binding("ClusterRole", role, "User", "mallory", null));

      Finding finding = control.evaluate(observation);

      assertThat(finding.reason()).as(role).isEqualTo("UnmanagedBindingEscalates");
      assertThat(finding.message()).contains("lab/extra").contains(role).contains("User mallory");
    }
  }

  @Test
  void wildcardRolesAndSecretsAccessEscalate() {
    Observation wildcard = withBinding(binding("Role", "anything", "Group", "contractors", null));
    wildcard
        .roles()
        .put(
            "lab",
            List.of(
                new RoleBuilder()
                    .withNewMetadata()
                    .withName("anything")
                    .withNamespace("lab")
                    .endMetadata()
                    .addNewRule()
                    .withApiGroups("apps")
                    .withResources("*")
                    .withVerbs("get")
                    .endRule()
                    .build()));
    Observation secrets =
        withBinding(binding("ClusterRole", "secret-reader", "ServiceAccount", "default", "other"));
    secrets
        .clusterRoles()
        .put(
            "secret-reader",
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName("secret-reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("secrets")
                .withVerbs("list")
                .endRule()
                .build());

    assertThat(control.evaluate(wildcard).message()).contains("Role anything (wildcards)");
    assertThat(control.evaluate(secrets).message())
        .contains("ClusterRole secret-reader (Secrets)")
        .contains("ServiceAccount other/default");
  }

  @Test
  void systemGroupsAreOutsidersToo() {
    Finding finding =
        control.evaluate(
            withBinding(binding("ClusterRole", "edit", "Group", "system:authenticated", null)));

    assertThat(finding.reason()).isEqualTo("UnmanagedBindingEscalates");
  }

  @Test
  void anyOtherUnmanagedBindingIsReportedButDoesNotEscalate() {
    Finding toMember =
        control.evaluate(
            withBinding(binding("ClusterRole", "admin", "User", "pi@example.org", null)));
    Finding harmless =
        control.evaluate(withBinding(binding("ClusterRole", "view", "User", "mallory", null)));

    assertThat(toMember.reason()).isEqualTo("UnmanagedBinding");
    assertThat(harmless.reason()).isEqualTo("UnmanagedBinding");
    assertThat(harmless.message()).contains("allowedBindings");
  }

  @Test
  void bindingsTheBaselineAllowsAreAccepted() {
    RoleBinding auditors = binding("ClusterRole", "view", "Group", "auditors", null);
    SecurityBaseline allowing =
        Fixtures.with(
            baseline,
            "allowedBindings",
            List.of(
                new AllowedBinding(
                    AllowedBinding.RoleKind.ClusterRole, "view", MemberKind.Group, "auditors")));
    Observation observation = Fixtures.applied(project, allowing);
    observation.roleBindings().get("lab").add(auditors);

    assertThat(control.evaluate(observation).state()).isEqualTo(ResponsibilityState.Met);
  }

  @Test
  void anAlteredManagedBindingIsReported() {
    Observation observation = Fixtures.applied(project, baseline);
    List<RoleBinding> bindings = observation.roleBindings().get("lab");
    RoleBinding viewer = bindings.remove(0);
    bindings.add(
        new RoleBindingBuilder(viewer)
            .addToSubjects(new SubjectBuilder().withKind("User").withName("mallory").build())
            .build());

    assertThat(control.evaluate(observation).reason()).isEqualTo("BindingMissing");
  }

  private Observation withBinding(RoleBinding binding) {
    Observation observation = Fixtures.applied(project, baseline);
    observation.roleBindings().get("lab").add(binding);
    return observation;
  }

  private static RoleBinding binding(
      String roleKind, String role, String subjectKind, String subject, String namespace) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName("extra")
        .withNamespace("lab")
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind(roleKind)
        .withName(role)
        .endRoleRef()
        .addNewSubject()
        .withKind(subjectKind)
        .withName(subject)
        .withNamespace(namespace)
        .withApiGroup("ServiceAccount".equals(subjectKind) ? null : "rbac.authorization.k8s.io")
        .endSubject()
        .build();
  }
}
