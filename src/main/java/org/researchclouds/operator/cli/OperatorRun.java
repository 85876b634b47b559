package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.researchclouds.operator.endpoints.InformerFailure;
import org.researchclouds.operator.endpoints.OperatorEndpoints;
import org.researchclouds.operator.endpoints.OperatorMetrics;
import org.researchclouds.operator.local.LiveTable;
import org.researchclouds.operator.reconciler.OperatorBootstrap;
import org.researchclouds.operator.reconciler.OperatorSettings;

/**
 * Runs the operator and its HTTP endpoints until the JVM shuts down (Ctrl-C, SIGTERM) or the
 * calling thread is interrupted, and stops it either way.
 */
final class OperatorRun {
  static final int STOPPED = 0;
  static final int PORT_TAKEN = 5;
  static final int INFORMER_FAILED = 6;

  private final PrintWriter out;
  private final PrintWriter err;

  OperatorRun(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /**
   * @param liveTable whether to keep a table of the projects on {@code out}
   * @return {@link #STOPPED}, {@link #PORT_TAKEN} when the endpoints cannot listen, or {@link
   *     #INFORMER_FAILED} when an informer stopped for good and the process must be restarted
   */
  int run(
      KubernetesClient client,
      OperatorSettings settings,
      Optional<LeaderElectionConfiguration> leaderElection,
      int httpPort,
      boolean liveTable)
      throws IOException {
    OperatorMetrics metrics = new OperatorMetrics();
    CountDownLatch stopped = new CountDownLatch(1);
    InformerFailure informerFailure = new InformerFailure(stopped::countDown);
    Operator operator =
        OperatorBootstrap.create(
            client, settings, metrics.josdk(), leaderElection, informerFailure);
    OperatorEndpoints endpoints;
    try {
      endpoints =
          OperatorEndpoints.serve(
              httpPort, operator.getRuntimeInfo(), metrics.registry(), informerFailure);
    } catch (BindException e) {
      err.printf(
          "Port %d is taken (%s).%nPass --http-port with a free port, or 0 for any.%n",
          httpPort, e.getMessage());
      return PORT_TAKEN;
    }
    AtomicBoolean shutDown = new AtomicBoolean();
    Thread onShutdown =
        new Thread(
            () -> {
              shutDown.set(true);
              operator.stop();
              stopped.countDown();
            });
    try (endpoints) {
      Runtime.getRuntime().addShutdownHook(onShutdown);
      operator.start();
      out.printf(
          "Operator running against %s with SecurityBaseline %s; health and metrics on :%d; Ctrl-C stops it.%n",
          client.getConfiguration().getMasterUrl(), settings.baselineName(), endpoints.port());
      Optional<Thread> table = liveTable ? Optional.of(showLiveTable(client)) : Optional.empty();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        // How an embedding caller (a test) stops the run: handled by the stop below, so that
        // what the caller started can still shut down cleanly.
      } finally {
        table.ifPresent(Thread::interrupt);
        if (!shutDown.get()) {
          Runtime.getRuntime().removeShutdownHook(onShutdown);
          operator.stop();
        }
      }
      if (informerFailure.failure().isPresent()) {
        err.printf(
            "The operator stopped: %s.%nIts pod restarts it; check the API server and the"
                + " operator's RBAC if this repeats.%n",
            informerFailure.failure().get());
        return INFORMER_FAILED;
      }
      return STOPPED;
    }
  }

  private Thread showLiveTable(KubernetesClient client) {
    Thread thread =
        new Thread(
            new LiveTable(client, out, System.console() != null, Duration.ofSeconds(2)),
            "live-table");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
