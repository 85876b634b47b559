package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.NetworkFloors;

/**
 * What the controls read: the project, its baseline, and the objects found in its namespaces.
 *
 * @param namespaces the project's namespaces that exist, by name
 * @param policies the NetworkPolicies of each project namespace, managed or not
 * @param services the Services of all project namespaces
 * @param ingresses the Ingresses of all project namespaces
 * @param roleBindings the RoleBindings of each project namespace, managed or not
 * @param roles the Roles of each project namespace
 * @param clusterRoles every ClusterRole of the cluster, by name
 * @param velero what Velero holds for the project
 * @param peers the other projects that the project's exposures and egress name, by name; a project
 *     that does not exist is absent
 * @param foreignHosts the hosts that the project's Ingresses route without declaring them and that
 *     another project holds, with that project
 * @param workloads what runs in the project's namespaces
 * @param platform what the operator sees of the platform itself
 * @param now when the observation was made, for the controls that compare with time
 */
public record Observation(
    ResearchProject project,
    SecurityBaseline baseline,
    Map<String, Namespace> namespaces,
    Map<String, List<NetworkPolicy>> policies,
    List<Service> services,
    List<Ingress> ingresses,
    Map<String, List<RoleBinding>> roleBindings,
    Map<String, List<Role>> roles,
    Map<String, ClusterRole> clusterRoles,
    VeleroState velero,
    Map<String, ResearchProject> peers,
    Map<String, String> foreignHosts,
    Workloads workloads,
    PlatformFacts platform,
    Instant now) {

  public String projectName() {
    return project.getMetadata().getName();
  }

  /** The project's namespaces that exist, in the order the spec lists them. */
  public List<String> presentNamespaces() {
    return project.namespaceNames().stream().filter(namespaces::containsKey).toList();
  }

  /** A gap for each project namespace that does not exist (yet). */
  public List<Finding> missingNamespaces() {
    return project.namespaceNames().stream()
        .filter(name -> !namespaces.containsKey(name))
        .map(
            name ->
                Finding.notMet("NamespaceMissing", "Namespace " + name + " does not exist yet."))
        .toList();
  }

  /** What the project's NetworkPolicies take from the platform and the peers at this moment. */
  public NetworkFloors floors() {
    return NetworkFloors.of(baseline, project, peers, now);
  }

  public List<NetworkPolicy> policiesIn(String namespace) {
    return policies.getOrDefault(namespace, List.of());
  }

  public List<RoleBinding> roleBindingsIn(String namespace) {
    return roleBindings.getOrDefault(namespace, List.of());
  }

  public List<Role> rolesIn(String namespace) {
    return roles.getOrDefault(namespace, List.of());
  }
}
