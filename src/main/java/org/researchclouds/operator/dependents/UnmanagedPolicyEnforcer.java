package org.researchclouds.operator.dependents;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import org.researchclouds.operator.api.EnforcementMode;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.NetworkPolicyAudit;
import org.researchclouds.operator.observe.ClusterView;

/**
 * With the baseline in Enforce mode, removes NetworkPolicies the operator does not manage that open
 * a project namespace to outsiders or to blocked egress: exposure changes go through the project's
 * spec, where review happens. In Audit mode the limited-exposure control reports them.
 */
public final class UnmanagedPolicyEnforcer {
  private final ObjectWriter writer;

  public UnmanagedPolicyEnforcer(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  /** Returns the policies it removed. */
  public List<ResourceID> enforce(
      ResearchProject project, SecurityBaseline baseline, ClusterView view) {
    List<ResourceID> removed = new ArrayList<>();
    if (baseline.getSpec().enforcementModeOrDefault() != EnforcementMode.Enforce) {
      return removed;
    }
    List<String> namespaces =
        project.namespaceNames().stream().filter(ns -> view.namespace(ns).isPresent()).toList();
    for (String namespace : namespaces) {
      for (NetworkPolicy policy : view.policies(namespace)) {
        if (NetworkPolicyAudit.widensExposure(policy, project, baseline, namespaces)) {
          writer.delete(
              project,
              policy,
              "RemovedUnmanagedPolicy",
              "it widens the project's exposure; declare exposures and egress in spec.network");
          removed.add(ResourceID.fromResource(policy));
        }
      }
    }
    return removed;
  }
}
