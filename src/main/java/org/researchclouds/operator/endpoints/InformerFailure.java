package org.researchclouds.operator.endpoints;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.api.config.InformerStoppedHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An informer that stops for good leaves the operator blind to a kind, while every other part looks
 * healthy. Rather than sit idle, the operator then fails its probes and stops, so that Kubernetes
 * restarts it with fresh informers.
 */
public final class InformerFailure implements InformerStoppedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(InformerFailure.class);

  private final Runnable stop;
  private volatile String failure;

  /**
   * @param stop ends the operator's run; called once, from the informer's thread
   */
  public InformerFailure(Runnable stop) {
    this.stop = stop;
  }

  @Override
  public void onStop(SharedIndexInformer informer, Throwable cause) {
    if (cause == null || failure != null) {
      // A stop the operator asked for, or one already being handled.
      return;
    }
    failure =
        "the informer for "
            + informer.getApiTypeClass().getSimpleName()
            + " stopped: "
            + cause.getMessage();
    LOG.error("The operator stops, to be restarted: {}", failure, cause);
    stop.run();
  }

  /** Why the operator is stopping, if an informer failed. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }
}
