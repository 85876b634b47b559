package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.BlockedPort;
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.EgressException;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.controls.Reachability.Opening;
import org.researchclouds.operator.resources.EgressPortRanges;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.NetworkFloors;

/**
 * Shared: be a good Net citizen, so that the cloud's networks are not blocked or banned. Egress is
 * denied by default, no pod reaches a range the platform denies (the cloud's metadata service
 * first) or anything its egress does not declare, and the abuse-prone ports the baseline blocks
 * (outbound mail first) stay closed unless the platform grants one to the project. Judged over
 * every policy in the namespaces.
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
    }
    Reachability reachability = Reachability.of(observation);
    Set<List<String>> named = new HashSet<>();
    for (Opening opening : reachability.deniedDestinations()) {
      named.add(opening.policies());
      gaps.add(
          Finding.notMet(
              "DeniedDestinationReachable",
              Openings.describe(opening)
                  + ", inside "
                  + opening.about()
                  + ", which the SecurityBaseline denies to every project; delete the policy."));
    }
    for (Opening opening : reachability.blockedPorts()) {
      named.add(opening.policies());
      gaps.add(
          Finding.notMet(
              "BlockedEgressOpen",
              Openings.describe(opening)
                  + ", a port the SecurityBaseline blocks; delete the policy, and ask the platform"
                  + " team for a grant in spec.egressExceptions if the project needs it."));
    }
    // A policy named above for its worst opening is not named again for the rest.
    for (Opening opening : reachability.undeclaredDestinations()) {
      if (named.add(opening.policies())) {
        gaps.add(
            Finding.notMet(
                "UndeclaredEgress",
                Openings.describe(opening)
                    + ", which no egress declares; declare it in spec.network.egress and delete"
                    + " the policy."));
      }
    }
    return Finding.fromGaps(
        gaps,
        reachability.complete()
            ? Finding.met("AbuseProneEgressBlocked", floorsMessage(observation))
            : Openings.tooManyToJudge());
  }

  /** What stays closed, what the platform opened and until when, and what the spec asks in vain. */
  private static String floorsMessage(Observation observation) {
    NetworkFloors floors = observation.floors();
    List<String> sentences = new ArrayList<>();
    sentences.add(
        floors.blocked().isEmpty()
            ? "Egress is denied by default."
            : "Outbound " + describe(floors.blocked()) + " stays blocked.");
    if (!floors.denied().isEmpty()) {
      sentences.add(
          "No pod reaches "
              + floors.denied().stream().map(DeniedCidr::toString).collect(Collectors.joining(", "))
              + ".");
    }
    String project = observation.projectName();
    for (EgressException grant :
        NetworkFloors.grants(observation.baseline(), observation.project(), observation.now())) {
      sentences.add(
          "The platform opens "
              + grant.port()
              + "/"
              + grant.protocolOrDefault()
              + " until "
              + grant.expires()
              + " ("
              + grant.reason()
              + ").");
    }
    observation.baseline().getSpec().egressExceptionsOrEmpty().stream()
        .filter(grant -> grant.project().equals(project))
        .filter(grant -> !grant.expiresAt().isAfter(observation.now()))
        .forEach(
            grant ->
                sentences.add(
                    "The grant of "
                        + grant.port()
                        + "/"
                        + grant.protocolOrDefault()
                        + " expired at "
                        + grant.expires()
                        + "; the port is closed again."));
    for (Egress egress : observation.project().getSpec().networkOrEmpty().egressOrEmpty()) {
      List<BlockedPort> closed =
          egress.cidrsOrEmpty().isEmpty()
              ? List.of()
              : EgressPortRanges.closed(egress.ports(), floors.blocked());
      if (!closed.isEmpty()) {
        sentences.add(
            "Egress "
                + egress.name()
                + " names "
                + describe(closed)
                + ", which stays closed: ask the platform team for a grant in the"
                + " SecurityBaseline's spec.egressExceptions.");
      }
    }
    return String.join(" ", sentences);
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
