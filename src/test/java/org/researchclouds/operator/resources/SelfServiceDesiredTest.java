package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;

class SelfServiceDesiredTest {
  @Test
  void maintainersMayEditTheirOwnProjectAndNothingElse() {
    ResearchProject project =
        RoleBindingDesiredTest.withMembers(
            new Member(MemberKind.User, "pi", null, ProjectRole.maintainer),
            new Member(MemberKind.User, "dev", null, ProjectRole.developer));

    ClusterRole role = SelfServiceDesired.role(project).orElseThrow();
    ClusterRoleBinding binding = SelfServiceDesired.binding(project).orElseThrow();

    assertThat(role.getMetadata().getName()).isEqualTo("researchproject-self-lab");
    PolicyRule rule = role.getRules().get(0);
    assertThat(role.getRules()).hasSize(1);
    assertThat(rule.getApiGroups()).containsExactly("researchclouds.org");
    assertThat(rule.getResources()).containsExactly("researchprojects");
    assertThat(rule.getResourceNames()).containsExactly("lab");
    assertThat(rule.getVerbs()).containsExactly("get", "update", "patch");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo("pi"));
  }

  /** Attack 4 of docs/threat-model.md: a developer runs a pod as a maintainer ServiceAccount. */
  @Test
  void aServiceAccountNeverGetsToEditTheProject() {
    ResearchProject project =
        RoleBindingDesiredTest.withMembers(
            new Member(MemberKind.ServiceAccount, "ci", "lab", ProjectRole.maintainer),
            new Member(MemberKind.User, "pi", null, ProjectRole.maintainer));

    assertThat(SelfServiceDesired.binding(project).orElseThrow().getSubjects())
        .extracting(s -> s.getKind() + " " + s.getName())
        .containsExactly("User pi");
  }

  @Test
  void noMaintainersNoSelfService() {
    ResearchProject project =
        RoleBindingDesiredTest.withMembers(
            new Member(MemberKind.User, "dev", null, ProjectRole.developer));

    assertThat(SelfServiceDesired.role(project)).isEmpty();
    assertThat(SelfServiceDesired.binding(project)).isEmpty();
  }
}
