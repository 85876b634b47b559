package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;

class RoleBindingDesiredTest {
  @Test
  void bindsEachRoleWithMembersToItsClusterRoleInTheNamespace() {
    List<RoleBinding> bindings =
        RoleBindingDesired.desired(
            withMembers(
                new Member(MemberKind.User, "zoe", null, ProjectRole.developer),
                new Member(MemberKind.ServiceAccount, "ci", "lab", ProjectRole.developer),
                new Member(MemberKind.Group, "students", null, ProjectRole.viewer),
                new Member(MemberKind.User, "ada", null, ProjectRole.developer)),
            "lab");

    assertThat(bindings)
        .extracting(b -> b.getMetadata().getName(), b -> b.getRoleRef().getName())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("rp-viewer", "researchproject-viewer"),
            org.assertj.core.groups.Tuple.tuple("rp-developer", "researchproject-developer"));
    RoleBinding developer = bindings.get(1);
    assertThat(developer.getMetadata().getNamespace()).isEqualTo("lab");
    assertThat(developer.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(developer.getSubjects())
        .extracting(Subject::getKind, Subject::getName, Subject::getNamespace, Subject::getApiGroup)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ServiceAccount", "ci", "lab", null),
            org.assertj.core.groups.Tuple.tuple("User", "ada", null, "rbac.authorization.k8s.io"),
            org.assertj.core.groups.Tuple.tuple("User", "zoe", null, "rbac.authorization.k8s.io"));
  }

  @Test
  void theSameMembersInAnyOrderGiveTheSameBindings() {
    List<Member> members =
        new ArrayList<>(
            List.of(
                new Member(MemberKind.User, "a", null, ProjectRole.viewer),
                new Member(MemberKind.User, "b", null, ProjectRole.viewer),
                new Member(MemberKind.Group, "c", null, ProjectRole.maintainer),
                new Member(MemberKind.User, "d", null, ProjectRole.maintainer)));
    List<RoleBinding> first = RoleBindingDesired.desired(withMembers(members), "lab");
    Collections.reverse(members);

    assertThat(RoleBindingDesired.desired(withMembers(members), "lab"))
        .usingRecursiveComparison()
        .ignoringFields("metadata.ownerReferences")
        .isEqualTo(first);
  }

  @Test
  void noMembersNoBindings() {
    assertThat(RoleBindingDesired.desired(withMembers(), "lab")).isEmpty();
  }

  static ResearchProject withMembers(Member... members) {
    return withMembers(List.of(members));
  }

  static ResearchProject withMembers(List<Member> members) {
    return Fixtures.with(Fixtures.project("lab", "lab"), "members", members);
  }
}
