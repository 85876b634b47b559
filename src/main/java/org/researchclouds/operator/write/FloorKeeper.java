package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.researchclouds.operator.api.EnforcementMode;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.Reachability;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.NetworkFloors;

/**
 * Keeps the platform's network floors on a project whose latest spec was refused. Nothing of that
 * spec is applied, but floors move on their own: a grant expires, the baseline denies a new range.
 * The operator's own policies that now open a blocked port or a denied range are deleted, which
 * closes them; the project's next valid generation writes them anew within the floors. In Enforce
 * mode, so are others' policies that do, as they would be were the spec valid.
 */
public final class FloorKeeper {
  private final ObjectWriter writer;

  public FloorKeeper(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  public void keep(
      ResearchProject project, SecurityBaseline baseline, ClusterView view, Instant now) {
    List<Namespace> held = view.namespacesHeldBy(project);
    List<NetworkPolicy> policies =
        held.stream().flatMap(ns -> view.policies(ns.getMetadata().getName()).stream()).toList();
    Reachability reachability =
        Reachability.undeclared(
            NetworkFloors.of(baseline, project, view.peers(project), now), policies, held);
    Set<String> beyond = new LinkedHashSet<>();
    Stream.of(reachability.deniedDestinations(), reachability.blockedPorts())
        .flatMap(List::stream)
        .forEach(opening -> beyond.addAll(opening.policies()));
    boolean enforce = baseline.getSpec().enforcementModeOrDefault() == EnforcementMode.Enforce;
    for (NetworkPolicy policy : policies) {
      String key = policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
      if (beyond.contains(key) && (enforce || Names.managedBy(policy, project))) {
        writer.delete(
            project,
            policy,
            "ClosedBeyondFloors",
            "it opens a port or a range the SecurityBaseline does not allow the project, while the"
                + " project's spec is refused; a valid spec writes the operator's own anew");
      }
    }
  }
}
