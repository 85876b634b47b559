package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;

/**
 * The RoleBindings of one project namespace: one per project role that has members, binding the
 * role's shipped ClusterRole within the namespace only. Subjects are sorted, so that the same
 * members always give the same object and no write.
 */
public final class RoleBindingDesired {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  private static final Comparator<Subject> SUBJECT_ORDER =
      Comparator.comparing(Subject::getKind)
          .thenComparing(Subject::getName)
          .thenComparing(s -> s.getNamespace() == null ? "" : s.getNamespace());

  private RoleBindingDesired() {}

  public static List<RoleBinding> desired(ResearchProject project, String namespace) {
    List<RoleBinding> bindings = new ArrayList<>();
    for (ProjectRole role : ProjectRole.values()) {
      List<Subject> subjects = subjects(project, role);
      if (!subjects.isEmpty()) {
        bindings.add(binding(project, namespace, role, subjects));
      }
    }
    return bindings;
  }

  /** The members holding a role, as RBAC subjects, sorted and without repeats. */
  public static List<Subject> subjects(ResearchProject project, ProjectRole role) {
    return project.getSpec().membersOrEmpty().stream()
        .filter(member -> member.role() == role)
        .map(RoleBindingDesired::subject)
        .distinct()
        .sorted(SUBJECT_ORDER)
        .toList();
  }

  public static Subject subject(Member member) {
    SubjectBuilder subject =
        new SubjectBuilder().withKind(member.kind().name()).withName(member.name());
    return member.kind() == MemberKind.ServiceAccount
        ? subject.withNamespace(member.namespace()).build()
        : subject.withApiGroup(RBAC_GROUP).build();
  }

  private static RoleBinding binding(
      ResearchProject project, String namespace, ProjectRole role, List<Subject> subjects) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(Names.roleBinding(role))
        .withNamespace(namespace)
        .withLabels(Names.managedLabels(project))
        .withOwnerReferences(OwnerReferences.of(project))
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup(RBAC_GROUP)
        .withKind("ClusterRole")
        .withName(Names.clusterRole(role))
        .endRoleRef()
        .withSubjects(subjects)
        .build();
  }
}
