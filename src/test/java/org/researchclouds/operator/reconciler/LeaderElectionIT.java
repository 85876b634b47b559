package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.api.EnforcementMode;
import org.researchclouds.operator.endpoints.InformerFailure;
import org.researchclouds.operator.local.ClusterSeed;

/**
 * Two replicas with leader election, as the chart runs them: only the one holding the Lease
 * reconciles, and the other takes over when it stops.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIT {
  private static final String LEASE_NAMESPACE = "researchproject-operator";
  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void onlyTheLeaderReconcilesAndTheStandbyTakesOver() {
    grantLeasesAsTheChartsRoleDoes();
    ClusterSeed.installCrds(client);
    client
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(LEASE_NAMESPACE)
                .endMetadata()
                .build())
        .create();
    client.resource(Fixtures.baseline("default", EnforcementMode.Audit)).create();
    Replica first = new Replica("replica-a");
    first.operator.start();
    client.resource(Fixtures.project("led", "led")).create();
    ProjectStatus.awaitReady(client, "led", "True");

    Replica second = new Replica("replica-b");
    second.operator.start();
    client.resource(Fixtures.project("still-led", "still-led")).create();
    ProjectStatus.awaitReady(client, "still-led", "True");
    assertThat(second.reconciles.get()).as("the standby's reconciles").isZero();

    first.stop();
    client.resource(Fixtures.project("taken-over", "taken-over")).create();
    ProjectStatus.awaitReady(client, "taken-over", "True");
    assertThat(second.reconciles.get()).isPositive();
    second.stop();
  }

  /**
   * JOSDK asks the API server, before electing, whether it may use Leases; the mock server has no
   * authorization API, so it answers here as a cluster with the chart's leader-election Role.
   */
  private static void grantLeasesAsTheChartsRoleDoes() {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewMetadata()
                .endMetadata()
                .withNewSpec()
                .withNamespace(LEASE_NAMESPACE)
                .endSpec()
                .withNewStatus()
                .withIncomplete(false)
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("get", "create", "update")
                .endResourceRule()
                .endStatus()
                .build())
        .always();
  }

  /** One operator replica, with a client of its own and a short lease, counting its reconciles. */
  private static final class Replica {
    final AtomicInteger reconciles = new AtomicInteger();
    final KubernetesClient ownClient =
        new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    final Operator operator;

    Replica(String identity) {
      operator =
          OperatorBootstrap.create(
              ownClient,
              new OperatorSettings(
                  "default", Duration.ofMinutes(5), Clock.systemUTC(), "researchproject-operator"),
              new Metrics() {
                @Override
                public void finishedReconciliation(
                    HasMetadata resource, Map<String, Object> metadata) {
                  reconciles.incrementAndGet();
                }
              },
              Optional.of(
                  new LeaderElectionConfiguration(
                      "researchproject-operator",
                      LEASE_NAMESPACE,
                      // Short enough for a quick takeover, long enough that a GC pause on a
                      // busy CI machine does not cost the leader its lease.
                      Duration.ofSeconds(4),
                      Duration.ofSeconds(3),
                      Duration.ofMillis(500),
                      identity,
                      null,
                      false)),
              new InformerFailure(() -> {}));
    }

    void stop() {
      operator.stop();
      ownClient.close();
    }
  }
}
