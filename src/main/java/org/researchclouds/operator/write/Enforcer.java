package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.researchclouds.operator.api.EnforcementMode;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.Observation;
import org.researchclouds.operator.controls.RbacAudit;
import org.researchclouds.operator.controls.Reachability;
import org.researchclouds.operator.observe.FreshWrites;
import org.researchclouds.operator.resources.Names;

/**
 * With the baseline in Enforce mode, removes what others added to a project namespace that undoes
 * its guard rails: NetworkPolicies that open it to outsiders or to blocked egress, and RoleBindings
 * that give non-members admin-like rights. Exposure and access change through the project's spec,
 * where review happens. In Audit mode the controls only report them.
 */
public final class Enforcer {
  private final ObjectWriter writer;

  public Enforcer(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  /**
   * Returns what it removed. The observation is made only in Enforce mode: Audit, the usual mode,
   * costs nothing here.
   */
  public FreshWrites enforce(
      ResearchProject project, SecurityBaseline baseline, Supplier<Observation> observe) {
    if (baseline.getSpec().enforcementModeOrDefault() != EnforcementMode.Enforce) {
      return FreshWrites.none();
    }
    Observation observation = observe.get();
    Set<ResourceID> removed = new HashSet<>();
    Set<String> opening = Reachability.of(observation).openingPolicies();
    for (String namespace : observation.presentNamespaces()) {
      for (NetworkPolicy policy : observation.policiesIn(namespace)) {
        if (!Names.managedBy(policy, project)
            && opening.contains(namespace + "/" + policy.getMetadata().getName())) {
          writer.delete(
              project,
              policy,
              "RemovedUnmanagedPolicy",
              "it opens the project beyond its declared exposures, or to denied ranges or blocked"
                  + " ports; declare exposures and egress in spec.network");
          removed.add(ResourceID.fromResource(policy));
        }
      }
      for (RoleBinding binding : observation.roleBindingsIn(namespace)) {
        if (RbacAudit.escalates(binding, observation)) {
          writer.delete(
              project,
              binding,
              "RemovedUnmanagedBinding",
              "it gives non-members admin-like rights; grant access through spec.members");
          removed.add(ResourceID.fromResource(binding));
        }
      }
    }
    return new FreshWrites(List.of(), removed);
  }
}
