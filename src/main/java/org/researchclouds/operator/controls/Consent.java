package org.researchclouds.operator.controls;

import java.util.ArrayList;
import java.util.List;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Traffic between two projects flows only when both agree: the one exposes to the other, and the
 * other declares egress to it. This says, for one side, where the other has not agreed yet.
 */
final class Consent {
  private Consent() {}

  static List<String> pending(Observation observation) {
    ResearchProject project = observation.project();
    String self = project.getMetadata().getName();
    List<String> notes = new ArrayList<>();
    for (Exposure exposure : project.getSpec().networkOrEmpty().exposuresOrEmpty()) {
      for (String peer : exposure.from().projectsOrEmpty()) {
        ResearchProject other = observation.peers().get(peer);
        if (other == null) {
          notes.add(
              "Exposure "
                  + exposure.name()
                  + " admits project "
                  + peer
                  + ", "
                  + absent(project, peer));
        } else if (!declaresEgressTo(other, self)) {
          notes.add(
              peer
                  + " may reach "
                  + self
                  + "/"
                  + exposure.name()
                  + ", but declares no egress to it.");
        }
      }
    }
    for (Egress egress : project.getSpec().networkOrEmpty().egressOrEmpty()) {
      for (String peer : egress.projectsOrEmpty()) {
        ResearchProject other = observation.peers().get(peer);
        if (other == null) {
          notes.add(
              "Egress " + egress.name() + " names project " + peer + ", " + absent(project, peer));
        } else if (!exposesTo(other, self)) {
          notes.add(
              "Egress "
                  + egress.name()
                  + " may reach "
                  + peer
                  + ", but "
                  + peer
                  + " exposes nothing to "
                  + self
                  + ".");
        }
      }
    }
    return notes;
  }

  /** Why a named peer is not trusted: it does not exist, or it is not the one first trusted. */
  private static String absent(ResearchProject project, String peer) {
    return project
        .pinnedPeer(peer)
        .map(
            pin ->
                "which was trusted as UID "
                    + pin.uid()
                    + " and has been deleted or created again: the trust does not pass to a"
                    + " namesake; remove it from spec.network and add it again to trust the new"
                    + " one.")
        .orElse("which does not exist.");
  }

  private static boolean declaresEgressTo(ResearchProject project, String target) {
    return project.getSpec() != null
        && project.getSpec().networkOrEmpty().egressOrEmpty().stream()
            .anyMatch(egress -> egress.projectsOrEmpty().contains(target));
  }

  private static boolean exposesTo(ResearchProject project, String source) {
    return project.getSpec() != null
        && project.getSpec().networkOrEmpty().exposuresOrEmpty().stream()
            .anyMatch(exposure -> exposure.from().projectsOrEmpty().contains(source));
  }
}
