package org.researchclouds.operator.dependents;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.NetworkPolicyAudit;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.resources.NamespaceDesired;
import org.researchclouds.operator.resources.NetworkPolicyDesired;

/**
 * Brings a valid project's namespaces and NetworkPolicies to their desired state: creates what is
 * missing, restores what drifted, deletes the operator's own policies that are no longer declared,
 * and releases namespaces the project no longer lists. Writes nothing when all is in place.
 */
public final class GuardRails {
  private final ObjectWriter writer;
  private final NamespaceRelease release;
  private final NamespaceKind namespaceKind = new NamespaceKind();
  private final NetworkPolicyKind policyKind = new NetworkPolicyKind();

  public GuardRails(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
    this.release = new NamespaceRelease(client, trail);
  }

  /** Returns the number of NetworkPolicies in place. */
  public int apply(ResearchProject project, SecurityBaseline baseline, ClusterView view) {
    int policies = 0;
    for (String namespace : project.namespaceNames()) {
      writer.apply(
          project,
          namespaceKind,
          NamespaceDesired.desired(project, namespace, baseline),
          view.namespace(namespace),
          view.namespaceCache());
      policies += applyPolicies(project, baseline, namespace, view);
    }
    for (Namespace held : view.namespacesHeldBy(project.getMetadata().getName())) {
      if (!project.namespaceNames().contains(held.getMetadata().getName())) {
        release.orphan(project, held, view);
      }
    }
    return policies;
  }

  private int applyPolicies(
      ResearchProject project, SecurityBaseline baseline, String namespace, ClusterView view) {
    List<NetworkPolicy> desired = NetworkPolicyDesired.desired(project, namespace, baseline);
    List<NetworkPolicy> actual = view.policies(namespace);
    for (NetworkPolicy policy : desired) {
      writer.apply(
          project,
          policyKind,
          policy,
          named(actual, policy.getMetadata().getName()),
          view.policyCache());
    }
    Set<String> wanted =
        desired.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    for (NetworkPolicy policy : actual) {
      if (NetworkPolicyAudit.managedBy(policy, project.getMetadata().getName())
          && !wanted.contains(policy.getMetadata().getName())) {
        writer.delete(project, policy, "Deleted", "no longer declared by the project");
      }
    }
    return desired.size();
  }

  private static Optional<NetworkPolicy> named(List<NetworkPolicy> policies, String name) {
    return policies.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst();
  }
}
