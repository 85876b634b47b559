package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;

/**
 * What members may do with their own ResearchProject, by its name, and nothing else: not its
 * status, not other projects, not the SecurityBaseline. Maintainers read and edit it; viewers and
 * developers read it, so that {@code kubectl get rp NAME}, {@code --watch} and {@code kubectl wait}
 * work for the whole team. Each access is present only while someone holds it.
 */
public final class SelfServiceDesired {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  /** Who may do what with the project. */
  public enum Access {
    /** Maintainers, never a ServiceAccount: any developer can run a pod as one. */
    EDIT(List.of("get", "list", "watch", "update", "patch")),
    /** Viewers and developers. */
    READ(List.of("get", "list", "watch"));

    private final List<String> verbs;

    Access(List<String> verbs) {
      this.verbs = verbs;
    }

    public String objectName(String project) {
      return this == EDIT ? Names.selfService(project) : Names.selfRead(project);
    }
  }

  private SelfServiceDesired() {}

  public static Optional<ClusterRole> role(ResearchProject project, Access access) {
    if (subjects(project, access).isEmpty()) {
      return Optional.empty();
    }
    String name = project.getMetadata().getName();
    return Optional.of(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(access.objectName(name))
            .withLabels(Names.managedLabels(project))
            .withOwnerReferences(OwnerReferences.of(project))
            .endMetadata()
            .addNewRule()
            .withApiGroups(ResearchProject.GROUP)
            .withResources(HasMetadata.getPlural(ResearchProject.class))
            .withResourceNames(name)
            .withVerbs(access.verbs)
            .endRule()
            .build());
  }

  public static Optional<ClusterRoleBinding> binding(ResearchProject project, Access access) {
    List<Subject> subjects = subjects(project, access);
    if (subjects.isEmpty()) {
      return Optional.empty();
    }
    String name = access.objectName(project.getMetadata().getName());
    return Optional.of(
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(Names.managedLabels(project))
            .withOwnerReferences(OwnerReferences.of(project))
            .endMetadata()
            .withNewRoleRef()
            .withApiGroup(RBAC_GROUP)
            .withKind("ClusterRole")
            .withName(name)
            .endRoleRef()
            .withSubjects(subjects)
            .build());
  }

  /**
   * Maintainers edit, never a ServiceAccount among them: any developer can run a pod as one, and
   * its token would then edit the project (the validator refuses such members too; this holds
   * should one slip through). Viewers and developers read.
   */
  private static List<Subject> subjects(ResearchProject project, Access access) {
    if (access == Access.EDIT) {
      return RoleBindingDesired.subjects(project, ProjectRole.maintainer).stream()
          .filter(subject -> !"ServiceAccount".equals(subject.getKind()))
          .toList();
    }
    return Stream.concat(
            RoleBindingDesired.subjects(project, ProjectRole.viewer).stream(),
            RoleBindingDesired.subjects(project, ProjectRole.developer).stream())
        .toList();
  }
}
