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

  /** The kubeconfig's settings, but an unreachable cluster fails in seconds instead of retrying. */
  static Config fastFailingConfig() {
    Config config = Config.autoConfigure(null);
    config.setConnectionTimeout(5_000);
    config.setRequestRetryBackoffLimit(0);
    return config;
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
