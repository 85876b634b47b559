package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Objects that are wholly the operator's: their content and owner are restored as desired, and
 * labels others add are kept. Content that the API server will not update in place (a binding's
 * roleRef) is replaced by deleting and creating the object.
 */
final class WhollyOwnedKind<R extends HasMetadata> implements OwnedKind<R> {
  static final WhollyOwnedKind<NetworkPolicy> NETWORK_POLICY =
      new WhollyOwnedKind<>(NetworkPolicy::getSpec, p -> null);
  static final WhollyOwnedKind<RoleBinding> ROLE_BINDING =
      new WhollyOwnedKind<>(b -> List.of(b.getRoleRef(), b.getSubjects()), RoleBinding::getRoleRef);
  static final WhollyOwnedKind<ClusterRole> CLUSTER_ROLE =
      new WhollyOwnedKind<>(ClusterRole::getRules, r -> null);
  static final WhollyOwnedKind<ClusterRoleBinding> CLUSTER_ROLE_BINDING =
      new WhollyOwnedKind<>(
          b -> List.of(b.getRoleRef(), b.getSubjects()), ClusterRoleBinding::getRoleRef);

  static final WhollyOwnedKind<ResourceQuota> RESOURCE_QUOTA =
      new WhollyOwnedKind<>(q -> q.getSpec(), q -> null);
  static final WhollyOwnedKind<LimitRange> LIMIT_RANGE =
      new WhollyOwnedKind<>(r -> r.getSpec(), r -> null);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Function<R, Object> content;
  private final Function<R, Object> immutableContent;

  private WhollyOwnedKind(Function<R, Object> content, Function<R, Object> immutableContent) {
    this.content = content;
    this.immutableContent = immutableContent;
  }

  @Override
  public boolean upToDate(R desired, R actual) {
    return Objects.equals(content.apply(desired), content.apply(actual))
        && Metadata.carriesOwnedMetadata(desired, actual);
  }

  @Override
  public boolean mustReplace(R desired, R actual) {
    return !Objects.equals(immutableContent.apply(desired), immutableContent.apply(actual));
  }

  @Override
  public R merged(R desired, R actual) {
    R merged = SERIALIZATION.clone(desired);
    merged.setMetadata(Metadata.ownedMetadata(desired, actual));
    return merged;
  }
}
