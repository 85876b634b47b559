package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Lets a project's maintainers get, update and patch their own ResearchProject and nothing else:
 * not its status, not other projects, not the SecurityBaseline. Present only while the project has
 * maintainers.
 */
public final class SelfServiceDesired {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private SelfServiceDesired() {}

  public static Optional<ClusterRole> role(ResearchProject project) {
    if (maintainers(project).isEmpty()) {
      return Optional.empty();
    }
    String name = project.getMetadata().getName();
    return Optional.of(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(Names.selfService(name))
            .withLabels(Names.managedLabels(project))
            .withOwnerReferences(OwnerReferences.of(project))
            .endMetadata()
            .addNewRule()
            .withApiGroups(ResearchProject.GROUP)
            .withResources(HasMetadata.getPlural(ResearchProject.class))
            .withResourceNames(name)
            .withVerbs("get", "update", "patch")
            .endRule()
            .build());
  }

  public static Optional<ClusterRoleBinding> binding(ResearchProject project) {
    List<Subject> maintainers = maintainers(project);
    if (maintainers.isEmpty()) {
      return Optional.empty();
    }
    String name = project.getMetadata().getName();
    return Optional.of(
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(Names.selfService(name))
            .withLabels(Names.managedLabels(project))
            .withOwnerReferences(OwnerReferences.of(project))
            .endMetadata()
            .withNewRoleRef()
            .withApiGroup(RBAC_GROUP)
            .withKind("ClusterRole")
            .withName(Names.selfService(name))
            .endRoleRef()
            .withSubjects(maintainers)
            .build());
  }

  /**
   * The people and groups who maintain the project. Never a ServiceAccount: any developer can run a
   * pod as one, and its token would then edit the project (the validator refuses such members too;
   * this holds should one slip through).
   */
  private static List<Subject> maintainers(ResearchProject project) {
    return RoleBindingDesired.subjects(project, ProjectRole.maintainer).stream()
        .filter(subject -> !"ServiceAccount".equals(subject.getKind()))
        .toList();
  }
}
