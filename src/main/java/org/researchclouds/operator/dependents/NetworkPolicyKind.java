package org.researchclouds.operator.dependents;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.Objects;

/** The operator's NetworkPolicies are wholly its own: spec and owner are restored as desired. */
final class NetworkPolicyKind implements OwnedKind<NetworkPolicy> {
  @Override
  public boolean upToDate(NetworkPolicy desired, NetworkPolicy actual) {
    return Objects.equals(desired.getSpec(), actual.getSpec())
        && Labels.of(actual).entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && Objects.equals(
            desired.getMetadata().getOwnerReferences(), actual.getMetadata().getOwnerReferences());
  }

  @Override
  public NetworkPolicy merged(NetworkPolicy desired, NetworkPolicy actual) {
    return new NetworkPolicyBuilder(actual)
        .editMetadata()
        .addToLabels(desired.getMetadata().getLabels())
        .withOwnerReferences(desired.getMetadata().getOwnerReferences())
        .endMetadata()
        .withSpec(desired.getSpec())
        .build();
  }
}
