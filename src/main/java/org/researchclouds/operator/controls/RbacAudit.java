package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.researchclouds.operator.api.AllowedBinding;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.RoleBindingDesired;

/**
 * Reads what a RoleBinding grants, and to whom. A binding escalates when it gives a subject that is
 * not a project member admin-like rights: the built-in admin, edit or cluster-admin roles, a role
 * with wildcards, or access to Secrets.
 */
public final class RbacAudit {
  private static final Set<String> ADMIN_ROLES = Set.of("admin", "edit", "cluster-admin");
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch", "*");

  private RbacAudit() {}

  /** Whether the binding is the operator's own for the project, or one the baseline accepts. */
  public static boolean accepted(RoleBinding binding, Observation observation) {
    return Names.managedBy(binding, observation.project())
        || allowed(binding, observation.baseline().getSpec().allowedBindingsOrEmpty());
  }

  /** An unaccepted binding that gives someone outside the project admin-like rights. */
  public static boolean escalates(RoleBinding binding, Observation observation) {
    return !accepted(binding, observation)
        && dangerousGrant(binding, observation).isPresent()
        && !nonMembers(binding, observation).isEmpty();
  }

  /** What the binding grants that is admin-like, such as "ClusterRole admin"; empty if nothing. */
  public static Optional<String> dangerousGrant(RoleBinding binding, Observation observation) {
    String kind = binding.getRoleRef().getKind();
    String name = binding.getRoleRef().getName();
    String role = kind + " " + name;
    if ("ClusterRole".equals(kind) && ADMIN_ROLES.contains(name)) {
      return Optional.of(role);
    }
    List<PolicyRule> rules = rules(binding, observation);
    if (rules.stream().anyMatch(RbacAudit::hasWildcard)) {
      return Optional.of(role + " (wildcards)");
    }
    if (rules.stream().anyMatch(RbacAudit::readsSecrets)) {
      return Optional.of(role + " (Secrets)");
    }
    return Optional.empty();
  }

  /** The binding's subjects that are not members of the project. */
  public static List<Subject> nonMembers(RoleBinding binding, Observation observation) {
    Set<Subject> members =
        Set.copyOf(
            observation.project().getSpec().membersOrEmpty().stream()
                .map(RoleBindingDesired::subject)
                .toList());
    List<Subject> outsiders = new ArrayList<>();
    for (Subject subject : binding.getSubjects()) {
      if (members.stream().noneMatch(m -> sameSubject(m, subject))) {
        outsiders.add(subject);
      }
    }
    return outsiders;
  }

  /** Whether the platform's baseline accepts this binding in project namespaces. */
  static boolean allowed(RoleBinding binding, List<AllowedBinding> allowed) {
    return allowed.stream()
        .anyMatch(
            a ->
                a.roleKind().name().equals(binding.getRoleRef().getKind())
                    && a.roleName().equals(binding.getRoleRef().getName())
                    && binding.getSubjects().stream().allMatch(s -> covers(a, s)));
  }

  public static String describe(Subject subject) {
    String namespace = subject.getNamespace() == null ? "" : subject.getNamespace() + "/";
    return subject.getKind() + " " + namespace + subject.getName();
  }

  private static boolean covers(AllowedBinding allowed, Subject subject) {
    return (allowed.subjectKind() == null || allowed.subjectKind().name().equals(subject.getKind()))
        && (allowed.subjectName() == null || allowed.subjectName().equals(subject.getName()));
  }

  private static boolean sameSubject(Subject a, Subject b) {
    return Objects.equals(a.getKind(), b.getKind())
        && Objects.equals(a.getName(), b.getName())
        && Objects.equals(a.getNamespace(), b.getNamespace());
  }

  private static List<PolicyRule> rules(RoleBinding binding, Observation observation) {
    String name = binding.getRoleRef().getName();
    if ("Role".equals(binding.getRoleRef().getKind())) {
      return observation.rolesIn(binding.getMetadata().getNamespace()).stream()
          .filter(r -> r.getMetadata().getName().equals(name))
          .findFirst()
          .map(Role::getRules)
          .orElse(List.of());
    }
    ClusterRole role = observation.clusterRoles().get(name);
    return role == null ? List.of() : role.getRules();
  }

  private static boolean hasWildcard(PolicyRule rule) {
    return rule.getVerbs().contains("*")
        || rule.getResources().contains("*")
        || rule.getApiGroups().contains("*");
  }

  private static boolean readsSecrets(PolicyRule rule) {
    return rule.getApiGroups().contains("")
        && rule.getResources().contains("secrets")
        && rule.getVerbs().stream().anyMatch(READ_VERBS::contains);
  }
}
