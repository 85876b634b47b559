package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

/**
 * The operator's client rides out an API server that is upgrading or throttling: answers of 500 and
 * 429 are retried, and the request succeeds once the server answers again.
 */
@EnableKubernetesMockClient
class OperatorClientRetryTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @Test
  void retriesServerErrorsAndThrottling() {
    Namespace lab = new NamespaceBuilder().withNewMetadata().withName("lab").endMetadata().build();
    server.expect().get().withPath("/api/v1/namespaces/lab").andReturn(500, "upgrading").once();
    server.expect().get().withPath("/api/v1/namespaces/lab").andReturn(429, "slow down").once();
    server.expect().get().withPath("/api/v1/namespaces/lab").andReturn(200, lab).once();

    // A kubeconfig that would not retry at all: the operator's settings must make it.
    Config kubeconfig =
        new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient operator =
        new KubernetesClientBuilder().withConfig(ClusterProbe.forOperator(kubeconfig)).build()) {
      assertThat(operator.namespaces().withName("lab").get().getMetadata().getName())
          .isEqualTo("lab");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
