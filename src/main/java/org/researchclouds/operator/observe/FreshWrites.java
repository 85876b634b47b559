package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this reconcile wrote and deleted. An informer's list lags behind the operator's own writes,
 * so an observation made right after them lays these over the cached lists: the controls then judge
 * the world as it now is, not as it was a moment ago.
 */
public record FreshWrites(List<HasMetadata> written, Set<ResourceID> deleted) {

  public static FreshWrites none() {
    return new FreshWrites(List.of(), Set.of());
  }

  public FreshWrites plus(FreshWrites other) {
    List<HasMetadata> objects = new ArrayList<>(written);
    objects.addAll(other.written);
    return new FreshWrites(
        objects,
        Stream.concat(deleted.stream(), other.deleted.stream()).collect(Collectors.toSet()));
  }

  /** The cached objects of a kind in a namespace, with these writes laid over them. */
  <R extends HasMetadata> List<R> over(List<R> cached, Class<R> type, String namespace) {
    List<R> fresh =
        written.stream()
            .filter(type::isInstance)
            .map(type::cast)
            .filter(o -> Objects.equals(namespace, o.getMetadata().getNamespace()))
            .toList();
    Set<ResourceID> replaced =
        fresh.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
    List<R> result = new ArrayList<>(fresh);
    cached.stream()
        .filter(o -> !replaced.contains(ResourceID.fromResource(o)))
        .filter(o -> !deleted.contains(ResourceID.fromResource(o)))
        .forEach(result::add);
    return result;
  }
}
