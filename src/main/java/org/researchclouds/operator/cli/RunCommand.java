package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.endpoints.OperatorEndpoints;
import org.researchclouds.operator.endpoints.OperatorMetrics;
import org.researchclouds.operator.local.ClusterSeed;
import org.researchclouds.operator.local.InMemoryCluster;
import org.researchclouds.operator.local.LiveTable;
import org.researchclouds.operator.reconciler.OperatorBootstrap;
import org.researchclouds.operator.reconciler.OperatorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the operator against the cluster of the current kubeconfig until stopped; without a cluster,
 * fails or (for a first look) runs on an in-memory API server seeded with the examples.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the operator against the current cluster.")
final class RunCommand implements Callable<Integer> {
  static final int CLUSTER_UNREACHABLE = 2;
  static final int CRDS_MISSING = 3;
  static final int BAD_EXAMPLES = 4;
  static final int PORT_TAKEN = 5;
  static final String LEASE_NAME = "researchproject-operator";

  enum WhenUnreachable {
    fail,
    inMemory
  }

  @Option(
      names = "--baseline",
      defaultValue = OperatorSettings.DEFAULT_BASELINE,
      description = "SecurityBaseline that sets the floors (default: ${DEFAULT-VALUE}).")
  String baseline;

  @Option(
      names = "--resync",
      defaultValue = "PT5M",
      description =
          "How often every project is evaluated again, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  Duration resync;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description =
          "Port of /healthz, /readyz and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--leader-election-namespace",
      description =
          "Elect one active replica through the Lease `"
              + LEASE_NAME
              + "` in this namespace; unset: no election.")
  String leaseNamespace;

  @Option(
      names = "--when-unreachable",
      defaultValue = "fail",
      description =
          "Without a reachable cluster: `fail` (exit 2) or `inMemory`: start fabric8's in-memory CRUD API"
              + " server, seed it with --examples and show a live table (default: ${DEFAULT-VALUE}).")
  WhenUnreachable whenUnreachable;

  @Option(
      names = "--examples",
      defaultValue = "examples",
      description =
          "Folder whose SecurityBaselines and projects/ seed the in-memory server (default: ${DEFAULT-VALUE}).")
  Path examples;

  @Option(
      names = "--log-file",
      defaultValue = "target/operator.log",
      description =
          "Where the in-memory mode writes the operator's log, to leave the terminal to the table"
              + " (default: ${DEFAULT-VALUE}).")
  Path logFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Config config = fastFailingConfig();
    Optional<String> unreachable = unreachable(config);
    if (unreachable.isEmpty()) {
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        List<String> missing = missingCrds(client);
        if (!missing.isEmpty()) {
          err()
              .printf(
                  "The cluster lacks the CRDs %s.%nInstall them first: kubectl apply -f crds/%n",
                  missing);
          return CRDS_MISSING;
        }
        return runOperator(client, Optional.empty());
      }
    }
    err()
        .printf(
            "No Kubernetes cluster is reachable at %s (%s).%n",
            config.getMasterUrl(), unreachable.get());
    if (whenUnreachable == WhenUnreachable.fail) {
      err().println("Point KUBECONFIG at a cluster, or check that it is up.");
      return CLUSTER_UNREACHABLE;
    }
    List<HasMetadata> seed;
    try {
      seed = ClusterSeed.read(ClusterSeed.exampleFiles(examples));
    } catch (IllegalArgumentException e) {
      err().println(e.getMessage());
      return BAD_EXAMPLES;
    }
    LogFile.redirectTo(logFile);
    try (InMemoryCluster cluster = InMemoryCluster.start(seed)) {
      out()
          .printf(
              "Started an in-memory API server (fabric8's CRUD mock server, kubernetes-server-mock) at %s"
                  + "%nwith the CRDs and %d objects from %s/. No Velero runs there, and the table says so."
                  + "%nThe operator's log goes to %s.%n",
              cluster.url(), seed.size(), examples, logFile);
      return runOperator(cluster.client(), Optional.of(cluster));
    }
  }

  private int runOperator(KubernetesClient client, Optional<InMemoryCluster> inMemory)
      throws IOException {
    OperatorMetrics metrics = new OperatorMetrics();
    OperatorSettings settings = new OperatorSettings(baseline, resync, Clock.systemUTC());
    Operator operator =
        OperatorBootstrap.create(
            client,
            settings,
            metrics.josdk(),
            Optional.ofNullable(leaseNamespace)
                .map(ns -> new LeaderElectionConfiguration(LEASE_NAME, ns)));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread onShutdown =
        new Thread(
            () -> {
              operator.stop();
              stopped.countDown();
            });
    OperatorEndpoints endpoints;
    try {
      endpoints = OperatorEndpoints.serve(httpPort, operator.getRuntimeInfo(), metrics.registry());
    } catch (BindException e) {
      err()
          .printf(
              "Port %d is taken (%s).%nPass --http-port with a free port, or 0 for any.%n",
              httpPort, e.getMessage());
      return PORT_TAKEN;
    }
    try (endpoints) {
      Runtime.getRuntime().addShutdownHook(onShutdown);
      operator.start();
      out()
          .printf(
              "Operator running against %s with SecurityBaseline %s; health and metrics on :%d; Ctrl-C stops it.%n",
              client.getConfiguration().getMasterUrl(), baseline, endpoints.port());
      Optional<Thread> table = inMemory.map(cluster -> showLiveTable(cluster.client()));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        // How an embedding caller (a test) stops the run: handled here, by the stop below, so
        // that the in-memory server can still shut down.
      } finally {
        // Interrupted rather than shut down: stop here what the shutdown hook would have.
        table.ifPresent(Thread::interrupt);
        if (stopped.getCount() > 0) {
          Runtime.getRuntime().removeShutdownHook(onShutdown);
          operator.stop();
        }
      }
      return 0;
    }
  }

  private Thread showLiveTable(KubernetesClient client) {
    Thread thread =
        new Thread(
            new LiveTable(client, out(), System.console() != null, Duration.ofSeconds(2)),
            "live-table");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private static Optional<String> unreachable(Config config) {
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      client.getKubernetesVersion();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      return Optional.of(rootMessage(e));
    }
  }

  private static List<String> missingCrds(KubernetesClient client) {
    return List.of(ResearchProject.class, SecurityBaseline.class).stream()
        .map(type -> HasMetadata.getFullResourceName(type))
        .filter(
            name ->
                client.apiextensions().v1().customResourceDefinitions().withName(name).get()
                    == null)
        .toList();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The kubeconfig's settings, but an unreachable cluster fails in seconds instead of retrying. */
  private static Config fastFailingConfig() {
    Config config = Config.autoConfigure(null);
    config.setConnectionTimeout(5_000);
    config.setRequestRetryBackoffLimit(0);
    return config;
  }
}
