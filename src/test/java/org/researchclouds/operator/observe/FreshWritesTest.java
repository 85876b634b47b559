package org.researchclouds.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreshWritesTest {
  @Test
  void laysThisReconcilesWritesOverALaggingCache() {
    NetworkPolicy stale = policy("lab", "edited", "old");
    NetworkPolicy gone = policy("lab", "removed", "x");
    NetworkPolicy kept = policy("lab", "untouched", "x");
    NetworkPolicy edited = policy("lab", "edited", "new");
    NetworkPolicy created = policy("lab", "created", "x");
    NetworkPolicy elsewhere = policy("other", "created", "x");
    FreshWrites fresh =
        new FreshWrites(List.<HasMetadata>of(edited, created, elsewhere), Set.of())
            .plus(new FreshWrites(List.of(), Set.of(ResourceID.fromResource(gone))));

    List<NetworkPolicy> seen = fresh.over(List.of(stale, gone, kept), NetworkPolicy.class, "lab");

    assertThat(seen).containsExactlyInAnyOrder(edited, created, kept);
  }

  private static NetworkPolicy policy(String namespace, String name, String version) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .addToLabels("version", version)
        .endMetadata()
        .build();
  }
}
