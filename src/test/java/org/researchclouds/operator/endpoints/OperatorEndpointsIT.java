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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
    Operator operator = operator(metrics, new InformerFailure(() -> {}));
    try (OperatorEndpoints endpoints =
        OperatorEndpoints.serve(
            0, operator.getRuntimeInfo(), metrics.registry(), new InformerFailure(() -> {}))) {
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

  @Test
  void anInformerThatStopsForGoodFailsBothProbesAndStopsTheRun() throws Exception {
    ClusterSeed.installCrds(client);
    OperatorMetrics metrics = new OperatorMetrics();
    CountDownLatch runStopped = new CountDownLatch(1);
    InformerFailure failure = new InformerFailure(runStopped::countDown);
    Operator operator = operator(metrics, failure);
    try (OperatorEndpoints endpoints =
        OperatorEndpoints.serve(0, operator.getRuntimeInfo(), metrics.registry(), failure)) {
      operator.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> status(endpoints, "/readyz") == 200);

      failure.onStop(
          client.namespaces().runnableInformer(0), new IllegalStateException("watch forbidden"));

      assertThat(runStopped.getCount()).as("the run is told to stop").isZero();
      assertThat(status(endpoints, "/healthz")).isEqualTo(503);
      assertThat(status(endpoints, "/readyz")).isEqualTo(503);
      assertThat(failure.failure()).hasValue("the informer for Namespace stopped: watch forbidden");
    } finally {
      operator.stop();
    }
  }

  private static Operator operator(OperatorMetrics metrics, InformerFailure failure) {
    return OperatorBootstrap.create(
        client,
        new OperatorSettings(
            "default", Duration.ofMinutes(5), Clock.systemUTC(), "researchproject-operator"),
        metrics.josdk(),
        Optional.empty(),
        failure);
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
