package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.researchclouds.operator.local.ClusterSeed;
import org.researchclouds.operator.local.InMemoryCluster;
import org.researchclouds.operator.observe.CanonicalStrings;
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
      defaultValue = OperatorSettings.DEFAULT_RESYNC,
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
      names = "--operator-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description =
          "Namespace the operator runs in, which no project may claim (default: $POD_NAMESPACE).")
  String operatorNamespace;

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
    Config config = ClusterProbe.fastFailingConfig();
    Optional<String> unreachable = ClusterProbe.unreachable(config);
    if (unreachable.isEmpty()) {
      try (KubernetesClient client =
          CanonicalStrings.clientBuilder(ClusterProbe.forOperator(Config.autoConfigure(null)))
              .build()) {
        List<String> missing = ClusterProbe.missingCrds(client);
        if (!missing.isEmpty()) {
          err()
              .printf(
                  "The cluster lacks the CRDs %s.%nInstall them first: kubectl apply -f crds/%n",
                  missing);
          return CRDS_MISSING;
        }
        return runOperator(client, false);
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
    return runInMemory();
  }

  /** The in-memory API server, seeded with the examples, and the operator on it with a table. */
  private int runInMemory() throws IOException {
    List<HasMetadata> seed;
    try {
      seed = ClusterSeed.read(ClusterSeed.exampleFiles(examples));
    } catch (IllegalArgumentException e) {
      err().println(e.getMessage());
      return BAD_EXAMPLES;
    }
    LogFile.redirectTo(logFile);
    try (InMemoryCluster cluster = InMemoryCluster.start(seed);
        KubernetesClient client =
            CanonicalStrings.clientBuilder(cluster.client().getConfiguration()).build()) {
      out()
          .printf(
              "Started an in-memory API server (fabric8's CRUD mock server, kubernetes-server-mock) at %s"
                  + "%nwith the CRDs and %d objects from %s/. No Velero runs there, and the table says so."
                  + "%nThe operator's log goes to %s.%n",
              cluster.url(), seed.size(), examples, logFile);
      return runOperator(client, true);
    }
  }

  private int runOperator(KubernetesClient client, boolean liveTable) throws IOException {
    return new OperatorRun(out(), err())
        .run(
            client,
            new OperatorSettings(baseline, resync, Clock.systemUTC(), operatorNamespace),
            Optional.ofNullable(leaseNamespace)
                .map(ns -> new LeaderElectionConfiguration(LEASE_NAME, ns)),
            httpPort,
            liveTable);
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
