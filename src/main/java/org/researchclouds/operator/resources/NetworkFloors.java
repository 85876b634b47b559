package org.researchclouds.operator.resources;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchclouds.operator.api.BlockedPort;
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.api.EgressException;
import org.researchclouds.operator.api.PeerSelector;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/**
 * What a project's NetworkPolicies take from the platform and the cluster at one moment: the
 * platform's pods, the ranges no project reaches, the ports still blocked for this project, and the
 * identities of the projects it names.
 *
 * @param blocked the blocked ports that no unexpired grant opens for this project
 * @param peerUids the UIDs of the other projects the project names, by name; one that does not
 *     exist is absent, so that no rule admits a project created later under its name
 */
public record NetworkFloors(
    PeerSelector dns,
    PeerSelector ingressController,
    List<DeniedCidr> denied,
    List<BlockedPort> blocked,
    Map<String, String> peerUids) {

  /**
   * @param peers the other projects the project names, by name, as they exist
   */
  public static NetworkFloors of(
      SecurityBaseline baseline,
      ResearchProject project,
      Map<String, ResearchProject> peers,
      Instant now) {
    var spec = baseline.getSpec();
    Map<String, String> peerUids = new LinkedHashMap<>();
    peers.forEach((name, peer) -> peerUids.put(name, peer.getMetadata().getUid()));
    List<EgressException> grants = grants(baseline, project, now);
    return new NetworkFloors(
        spec.dnsOrDefault(),
        spec.ingressController(),
        spec.deniedCidrsOrDefault(),
        spec.blockedEgressOrDefault().stream()
            .filter(port -> grants.stream().noneMatch(grant -> grant.opens(port)))
            .toList(),
        peerUids);
  }

  /** The baseline's grants to the project that have not expired. */
  public static List<EgressException> grants(
      SecurityBaseline baseline, ResearchProject project, Instant now) {
    return baseline.getSpec().egressExceptionsOrEmpty().stream()
        .filter(grant -> grant.project().equals(project.getMetadata().getName()))
        .filter(grant -> grant.expiresAt().isAfter(now))
        .toList();
  }

  /** When the next grant to the project expires, and its port closes again. */
  public static Optional<Instant> nextExpiry(
      SecurityBaseline baseline, ResearchProject project, Instant now) {
    return grants(baseline, project, now).stream()
        .map(EgressException::expiresAt)
        .min(Instant::compareTo);
  }
}
