package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.BlockedPort;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.resources.Names;

/**
 * Shared: be a good Net citizen, so that the cloud's networks are not blocked or banned. Egress is
 * denied by default and the abuse-prone ports the baseline lists (outbound mail first) stay closed
 * unless the project declares them by themselves.
 */
public final class GoodNetCitizenControl implements Control {
  @Override
  public String id() {
    return "shared/good-net-citizen";
  }

  @Override
  public Owner owner() {
    return Owner.Shared;
  }

  @Override
  public Finding evaluate(Observation observation) {
    List<Finding> gaps = new ArrayList<>(observation.missingNamespaces());
    for (String namespace : observation.presentNamespaces()) {
      if (observation.policiesIn(namespace).stream()
          .noneMatch(p -> deniesEgress(p, observation.project()))) {
        gaps.add(
            Finding.notMet(
                "EgressNotDenied",
                "Namespace "
                    + namespace
                    + " has no default deny of egress; the operator restores it."));
      }
      for (NetworkPolicy policy : observation.policiesIn(namespace)) {
        List<BlockedPort> opened =
            NetworkPolicyAudit.undeclaredBlockedPorts(
                policy, observation.project(), observation.baseline());
        if (!opened.isEmpty()) {
          gaps.add(
              Finding.notMet(
                  "BlockedEgressOpen",
                  "NetworkPolicy "
                      + namespace
                      + "/"
                      + policy.getMetadata().getName()
                      + " opens "
                      + describe(opened)
                      + "; declare such egress by itself in spec.network.egress if the project"
                      + " really needs it, and delete this policy."));
        }
      }
    }
    List<BlockedPort> declared =
        NetworkPolicyAudit.declaredBlockedPorts(observation.project(), observation.baseline());
    List<BlockedPort> blocked =
        new ArrayList<>(observation.baseline().getSpec().blockedEgressOrDefault());
    blocked.removeAll(declared);
    String message =
        (blocked.isEmpty()
                ? "Egress is denied by default"
                : "Outbound " + describe(blocked) + " stays blocked")
            + (declared.isEmpty() ? "." : "; the project declares " + describe(declared) + ".");
    return Finding.fromGaps(gaps, Finding.met("AbuseProneEgressBlocked", message));
  }

  private static boolean deniesEgress(NetworkPolicy policy, ResearchProject project) {
    return Names.DEFAULT_DENY_POLICY.equals(policy.getMetadata().getName())
        && Names.managedBy(policy, project)
        && policy.getSpec().getPolicyTypes().contains("Egress")
        && policy.getSpec().getEgress().isEmpty();
  }

  private static String describe(List<BlockedPort> ports) {
    return ports.stream()
        .map(
            p ->
                p.port()
                    + "/"
                    + p.protocolOrDefault()
                    + (p.reason() == null ? "" : " (" + p.reason() + ")"))
        .collect(Collectors.joining(", "));
  }
}
