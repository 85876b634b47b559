package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/** What `run` checks about the kubeconfig's cluster before it starts anything. */
final class ClusterProbe {
  private ClusterProbe() {}

  /**
   * For the start-up probe only: the kubeconfig's settings, but an unreachable cluster fails in
   * seconds instead of retrying.
   */
  static Config fastFailingConfig() {
    Config config = Config.autoConfigure(null);
    config.setConnectionTimeout(5_000);
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  /**
   * For the operator's long-lived client: requests the API server answers with 429 or a 5xx (an
   * upgrade, a restart, throttling) are retried with exponential backoff, from half a second up to
   * about half a minute, before a reconcile sees them fail.
   */
  static Config forOperator(Config kubeconfig) {
    kubeconfig.setRequestRetryBackoffLimit(6);
    kubeconfig.setRequestRetryBackoffInterval(500);
    return kubeconfig;
  }

  /** Why the cluster cannot be reached, or empty when it answers. */
  static Optional<String> unreachable(Config config) {
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      client.getKubernetesVersion();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      return Optional.of(rootMessage(e));
    }
  }

  /** The names of our CRDs that the cluster lacks. */
  static List<String> missingCrds(KubernetesClient client) {
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
}
