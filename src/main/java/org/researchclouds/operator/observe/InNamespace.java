package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.stream.Stream;

/**
 * One namespace's objects from an informer's cache, through the namespace index every fabric8 cache
 * keeps. JOSDK's {@code list(namespace)} copies and filters the whole cache instead: with every
 * project's objects in it, each reconcile would read them all, and convergence would grow with the
 * square of the projects.
 */
final class InNamespace {
  private InNamespace() {}

  static <R extends HasMetadata> Stream<R> of(
      InformerEventSource<R, ?> informer, String namespace) {
    return informer.byIndex(Cache.NAMESPACE_INDEX, namespace).stream();
  }
}
