package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * mode, so are others' policies that do, as they would be were the spec valid. The compute quota,
 * likewise, comes down to a ceiling the platform lowered.
 */
public final class FloorKeeper {
  private final ObjectWriter writer;

  public FloorKeeper(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  public void keep(
      ResearchProject project, SecurityBaseline baseline, ClusterView view, Instant now) {
    List<Namespace> held = view.namespacesHeldBy(project);
    capQuotas(project, baseline, view, held);
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

  private void capQuotas(
      ResearchProject project, SecurityBaseline baseline, ClusterView view, List<Namespace> held) {
    Map<String, Quantity> ceiling =
        baseline
            .getSpec()
            .computeCeilingFor(
                project.getMetadata().getName(), project.getSpec().dataClassification())
            .hard();
    for (Namespace namespace : held) {
      for (ResourceQuota quota : view.quotas(namespace.getMetadata().getName())) {
        if (!Names.managedBy(quota, project) || quota.getSpec() == null) {
          continue;
        }
        Map<String, Quantity> capped = new LinkedHashMap<>(quota.getSpec().getHard());
        capped.replaceAll(
            (resource, amount) ->
                ceiling.containsKey(resource)
                        && amount
                                .getNumericalAmount()
                                .compareTo(ceiling.get(resource).getNumericalAmount())
                            > 0
                    ? ceiling.get(resource)
                    : amount);
        if (!capped.equals(quota.getSpec().getHard())) {
          writer.update(
              project,
              new ResourceQuotaBuilder(quota).editSpec().withHard(capped).endSpec().build(),
              view.quotaCache(),
              "CappedAtCeiling",
              "the SecurityBaseline lowered the project's compute ceiling while its spec is"
                  + " refused");
        }
      }
    }
  }
}
