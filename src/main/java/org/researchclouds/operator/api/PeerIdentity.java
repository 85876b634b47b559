package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Another project this one trusts, by the UID it had when the trust was first given. */
public record PeerIdentity(
    @Required
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("The project's name.")
        String name,
    @Required @Size(max = 36) @JsonPropertyDescription("Its UID when this project first named it.")
        String uid) {

  /**
   * The identities to remember: the peers trusted now, and the earlier identity of each named peer
   * that is gone or was created again, so that a namesake does not inherit the trust.
   */
  public static List<PeerIdentity> remembered(
      ResearchProject project, Map<String, ResearchProject> trusted) {
    List<PeerIdentity> pins = new ArrayList<>();
    for (String name : project.peerNames()) {
      ResearchProject peer = trusted.get(name);
      if (peer != null) {
        pins.add(new PeerIdentity(name, peer.getMetadata().getUid()));
      } else {
        project.pinnedPeer(name).ifPresent(pins::add);
      }
    }
    return pins;
  }
}
