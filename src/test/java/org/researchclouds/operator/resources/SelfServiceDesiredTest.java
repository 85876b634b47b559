package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.resources.SelfServiceDesired.Access;

/**
 * Every member can read their own project, so that {@code kubectl get rp NAME}, {@code --watch} and
 * {@code kubectl wait} work for the team; maintainers also edit it; nobody gets anything else. The
 * requests are evaluated against the rules as RBAC does.
 */
class SelfServiceDesiredTest {
  private final ResearchProject project =
      RoleBindingDesiredTest.withMembers(
          new Member(MemberKind.User, "pi", null, ProjectRole.maintainer),
          new Member(MemberKind.User, "dev", null, ProjectRole.developer),
          new Member(MemberKind.Group, "students", null, ProjectRole.viewer));

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource({
    "pi,       get,    lab,   true",
    "pi,       watch,  lab,   true",
    "pi,       list,   lab,   true",
    "pi,       patch,  lab,   true",
    "pi,       patch,  other, false",
    "pi,       delete, lab,   false",
    "dev,      get,    lab,   true",
    "dev,      watch,  lab,   true",
    "dev,      list,   lab,   true",
    "dev,      update, lab,   false",
    "students, watch,  lab,   true",
    "students, get,    other, false",
    "outsider, get,    lab,   false"
  })
  void membersReadTheirProjectAndMaintainersEditIt(
      String subject, String verb, String name, boolean allowed) {
    assertThat(allows(subject, verb, name)).isEqualTo(allowed);
  }

  @Test
  void theRulesNameOnlyTheProjectAndItsKind() {
    for (Access access : Access.values()) {
      ClusterRole role = SelfServiceDesired.role(project, access).orElseThrow();
      PolicyRule rule = role.getRules().get(0);
      assertThat(role.getRules()).hasSize(1);
      assertThat(rule.getApiGroups()).containsExactly("researchclouds.org");
      assertThat(rule.getResources()).containsExactly("researchprojects");
      assertThat(rule.getResourceNames()).containsExactly("lab");
      assertThat(SelfServiceDesired.binding(project, access).orElseThrow().getRoleRef().getName())
          .isEqualTo(role.getMetadata().getName());
    }
    assertThat(SelfServiceDesired.role(project, Access.EDIT).orElseThrow().getMetadata().getName())
        .isEqualTo("researchproject-self-lab");
    assertThat(SelfServiceDesired.role(project, Access.READ).orElseThrow().getMetadata().getName())
        .isEqualTo("researchproject-read-lab");
  }

  /** Attack 4 of docs/threat-model.md: a developer runs a pod as a maintainer ServiceAccount. */
  @Test
  void aServiceAccountNeverGetsToEditTheProject() {
    ResearchProject withAccount =
        RoleBindingDesiredTest.withMembers(
            new Member(MemberKind.ServiceAccount, "ci", "lab", ProjectRole.maintainer),
            new Member(MemberKind.User, "pi", null, ProjectRole.maintainer));

    assertThat(SelfServiceDesired.binding(withAccount, Access.EDIT).orElseThrow().getSubjects())
        .extracting(s -> s.getKind() + " " + s.getName())
        .containsExactly("User pi");
  }

  @Test
  void noMembersOfAKindNoAccessOfThatKind() {
    ResearchProject onlyDevelopers =
        RoleBindingDesiredTest.withMembers(
            new Member(MemberKind.User, "dev", null, ProjectRole.developer));

    assertThat(SelfServiceDesired.role(onlyDevelopers, Access.EDIT)).isEmpty();
    assertThat(SelfServiceDesired.binding(onlyDevelopers, Access.EDIT)).isEmpty();
    assertThat(SelfServiceDesired.binding(onlyDevelopers, Access.READ)).isPresent();
  }

  /** RBAC's verdict: some binding names the subject, and its role's rule covers the request. */
  private boolean allows(String subject, String verb, String name) {
    for (Access access : Access.values()) {
      Optional<ClusterRoleBinding> binding = SelfServiceDesired.binding(project, access);
      Optional<ClusterRole> role = SelfServiceDesired.role(project, access);
      if (binding.isPresent()
          && binding.get().getSubjects().stream().anyMatch(s -> s.getName().equals(subject))
          && role.orElseThrow().getRules().stream()
              .anyMatch(
                  rule ->
                      rule.getVerbs().contains(verb)
                          && rule.getResources().contains("researchprojects")
                          && rule.getResourceNames().contains(name))) {
        return true;
      }
    }
    return false;
  }
}
