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
 * with wildcards, access to Secrets, a way into running pods (exec, attach, port-forward), tokens
 * of ServiceAccounts, impersonation, the bind or escalate verbs, or writes to RBAC itself.
 */
public final class RbacAudit {
  private static final Set<String> ADMIN_ROLES = Set.of("admin", "edit", "cluster-admin");
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch", "*");
  private static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection", "*");
  private static final Set<String> INTO_PODS =
      Set.of("pods/exec", "pods/attach", "pods/portforward", "pods/ephemeralcontainers");

  /** Proxies reach pods and services past every NetworkPolicy. */
  private static final Set<String> PROXIES = Set.of("pods/proxy", "services/proxy", "nodes/proxy");

  private static final Set<String> POWER_VERBS = Set.of("impersonate", "bind", "escalate");
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

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
    return rules(binding, observation).stream()
        .map(RbacAudit::dangerousRule)
        .flatMap(Optional::stream)
        .findFirst()
        .map(what -> role + " (" + what + ")");
  }

  /** What makes one rule admin-like, if anything. */
  static Optional<String> dangerousRule(PolicyRule rule) {
    List<String> verbs = Objects.requireNonNullElse(rule.getVerbs(), List.of());
    List<String> resources = Objects.requireNonNullElse(rule.getResources(), List.of());
    List<String> groups = Objects.requireNonNullElse(rule.getApiGroups(), List.of());
    if (verbs.contains("*") || resources.contains("*") || groups.contains("*")) {
      return Optional.of("wildcards");
    }
    Optional<String> power = verbs.stream().filter(POWER_VERBS::contains).findFirst();
    if (power.isPresent()) {
      return power;
    }
    boolean core = groups.contains("");
    boolean reads = verbs.stream().anyMatch(READ_VERBS::contains);
    boolean writes = verbs.stream().anyMatch(WRITE_VERBS::contains);
    if (core && resources.contains("secrets") && reads) {
      return Optional.of("Secrets");
    }
    if (core && resources.stream().anyMatch(INTO_PODS::contains) && (writes || reads)) {
      return Optional.of("into running pods");
    }
    if (core && resources.stream().anyMatch(PROXIES::contains)) {
      return Optional.of("proxies past NetworkPolicies");
    }
    // Whoever creates pods runs them as any ServiceAccount and mounts any Secret of the namespace.
    if (core && resources.contains("pods") && verbs.contains("create")) {
      return Optional.of("creating pods");
    }
    if (core && resources.contains("serviceaccounts/token") && writes) {
      return Optional.of("ServiceAccount tokens");
    }
    if (groups.contains(RBAC_GROUP) && writes) {
      return Optional.of("RBAC writes");
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
}
