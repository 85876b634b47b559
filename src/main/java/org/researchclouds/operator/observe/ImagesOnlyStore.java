package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An informer cache that keeps of each workload its name, labels, and the name and image of each
 * container, nothing else: a tenant's environment variables, probes or a megabyte of arguments cost
 * the operator nothing.
 */
final class ImagesOnlyStore<R extends HasMetadata> implements ItemStore<R> {
  private final ItemStore<R> reduced;
  private final Function<R, PodSpec> podSpec;

  /**
   * @param reduced a store that keeps only the container lists
   */
  ImagesOnlyStore(ItemStore<R> reduced, Function<R, PodSpec> podSpec) {
    this.reduced = reduced;
    this.podSpec = podSpec;
  }

  @Override
  public R put(String key, R object) {
    PodSpec spec = WorkloadImages.podSpecOf(object, podSpec);
    if (spec != null) {
      spec.setContainers(namesAndImages(spec.getContainers()));
      spec.setInitContainers(namesAndImages(spec.getInitContainers()));
    }
    if (object instanceof Pod pod && pod.getStatus() != null) {
      pod.getStatus()
          .setContainerStatuses(namesAndImageIds(pod.getStatus().getContainerStatuses()));
      pod.getStatus()
          .setInitContainerStatuses(namesAndImageIds(pod.getStatus().getInitContainerStatuses()));
    }
    return reduced.put(key, object);
  }

  private static List<Container> namesAndImages(List<Container> containers) {
    return containers == null
        ? null
        : containers.stream()
            .map(c -> new ContainerBuilder().withName(c.getName()).withImage(c.getImage()).build())
            .toList();
  }

  private static List<ContainerStatus> namesAndImageIds(List<ContainerStatus> statuses) {
    return statuses == null
        ? null
        : statuses.stream()
            .map(
                c ->
                    new ContainerStatusBuilder()
                        .withName(c.getName())
                        .withImageID(c.getImageID())
                        .build())
            .toList();
  }

  @Override
  public String getKey(R object) {
    return reduced.getKey(object);
  }

  @Override
  public R remove(String key) {
    return reduced.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return reduced.keySet();
  }

  @Override
  public Stream<R> values() {
    return reduced.values();
  }

  @Override
  public int size() {
    return reduced.size();
  }

  @Override
  public R get(String key) {
    return reduced.get(key);
  }

  @Override
  public boolean isFullState() {
    return reduced.isFullState();
  }
}
