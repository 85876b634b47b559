package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a resource's status whole, and only over the version of the resource that the reconcile
 * read: a PUT of the status subresource carrying that resourceVersion.
 *
 * <p>Why not a patch: a JSON patch is a diff against the copy the reconcile read. Against a stale
 * cached copy, the diff of "one condition becomes four" appends three conditions to a stored list
 * that already has them, and the API server applies it as sent. A merge patch would replace the
 * lists whole but could still put an older reconcile's verdict over a newer one. A PUT over a stale
 * resourceVersion is refused with 409 instead; the reconcile then runs again on the fresh copy.
 */
final class StatusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private final KubernetesClient client;

  StatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @param read the resource as the reconcile read it; its status is replaced by {@code status}
   * @return the stored resource after the write, or empty when it changed since it was read
   */
  <P, S, R extends CustomResource<P, S>> Optional<R> write(R read, S status) {
    // A copy: the caller's resource keeps the status that is stored, should the write fail.
    R written = emptyLike(read);
    written.setMetadata(read.getMetadata());
    written.setSpec(read.getSpec());
    written.setStatus(status);
    try {
      return Optional.of(client.resource(written).updateStatus());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      LOG.debug(
          "Status not written: {} changed since resourceVersion {}",
          read.getMetadata().getName(),
          read.getMetadata().getResourceVersion());
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static <R> R emptyLike(R resource) {
    try {
      return (R) resource.getClass().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("A custom resource has a public no-argument constructor", e);
    }
  }
}
