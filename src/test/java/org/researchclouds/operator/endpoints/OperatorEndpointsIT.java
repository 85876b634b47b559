package org.researchclouds.operator.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.local.ClusterSeed;
import org.researchclouds.operator.reconciler.OperatorBootstrap;
import org.researchclouds.operator.reconciler.OperatorSettings;

/** The probes follow the operator's life: starting, running, stopped. */
@EnableKubernetesMockClient(crud = true)
class OperatorEndpointsIT {
  static KubernetesClient client;

  @Test
  void readyOnlyWhileRunningAndNoLongerAliveOnceStopped() throws Exception {
    ClusterSeed.installCrds(client);
    OperatorMetrics metrics = new OperatorMetrics();
    Operator operator =
        OperatorBootstrap.create(
            client,
            new OperatorSettings("default", Duration.ofMinutes(5), Clock.systemUTC()),
            metrics.josdk());
    try (OperatorEndpoints endpoints =
        OperatorEndpoints.serve(0, operator.getRuntimeInfo(), metrics.registry())) {
      assertThat(status(endpoints, "/healthz")).as("alive while starting").isEqualTo(200);
      assertThat(status(endpoints, "/readyz")).as("not ready before start").isEqualTo(503);

      operator.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> status(endpoints, "/readyz") == 200);
      assertThat(status(endpoints, "/healthz")).isEqualTo(200);

      operator.stop();
      assertThat(status(endpoints, "/healthz")).as("stopped").isEqualTo(503);
      assertThat(status(endpoints, "/readyz")).isEqualTo(503);
    }
  }

  private static int status(OperatorEndpoints endpoints, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + endpoints.port() + path))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
