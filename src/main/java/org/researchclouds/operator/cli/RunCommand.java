package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.reconciler.OperatorBootstrap;
import org.researchclouds.operator.reconciler.OperatorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the operator against the cluster of the current kubeconfig until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the operator against the current cluster.")
final class RunCommand implements Callable<Integer> {
  static final int CLUSTER_UNREACHABLE = 2;
  static final int CRDS_MISSING = 3;

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

  @Override
  public Integer call() throws InterruptedException {
    Config config = fastFailingConfig();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      try {
        client.getKubernetesVersion();
      } catch (KubernetesClientException e) {
        System.err.printf(
            "No Kubernetes cluster is reachable at %s (%s).%nPoint KUBECONFIG at a cluster, or check that it is up.%n",
            config.getMasterUrl(), rootMessage(e));
        return CLUSTER_UNREACHABLE;
      }
      List<String> missing = missingCrds(client);
      if (!missing.isEmpty()) {
        System.err.printf(
            "The cluster lacks the CRDs %s.%nInstall them first: kubectl apply -f crds/%n",
            missing);
        return CRDS_MISSING;
      }
      OperatorSettings settings = new OperatorSettings(baseline, resync, Clock.systemUTC());
      Operator operator = OperatorBootstrap.create(client, settings, Metrics.NOOP);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    operator.stop();
                    stopped.countDown();
                  }));
      operator.start();
      System.out.printf(
          "Operator running against %s with SecurityBaseline %s; Ctrl-C stops it.%n",
          config.getMasterUrl(), baseline);
      stopped.await();
      return 0;
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
