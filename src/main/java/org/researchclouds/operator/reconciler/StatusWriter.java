package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a project's status whole, and only over the version of the project that the reconcile
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
   * @param read the project as the reconcile read it; its status is replaced by {@code status}
   * @return the stored project after the write, or empty when the project changed since it was read
   */
  Optional<ResearchProject> write(ResearchProject read, ResearchProjectStatus status) {
    // A copy: the caller's project keeps the status that is stored, should the write fail.
    ResearchProject written = new ResearchProject();
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
          "Status not written: the project changed since resourceVersion {}",
          read.getMetadata().getResourceVersion());
      return Optional.empty();
    }
  }
}
