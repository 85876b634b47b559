package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.local.ClusterSeed;

/**
 * An operator that restarts over converged projects writes nothing: every object, status and Event
 * it would write is in place. The examples give it every kind of guard rail, attestations and an
 * exception.
 */
@EnableKubernetesMockClient(crud = true)
class RestartIT {
  // Longer than the test: the reconciles counted are the ones a start makes.
  private static final Duration RESYNC = Duration.ofMinutes(5);
  static KubernetesClient client;

  @Test
  void aRestartOverConvergedProjectsWritesNothing() {
    OperatorHarness first = new OperatorHarness(client, "default", RESYNC);
    ClusterSeed.create(client, Fixtures.EXAMPLES);
    List<String> projects =
        Fixtures.EXAMPLES.stream()
            .filter(ResearchProject.class::isInstance)
            .map(project -> project.getMetadata().getName())
            .toList();
    projects.forEach(name -> ProjectStatus.awaitReady(client, name, "True"));
    awaitNoMoreWrites(first);
    first.close();

    OperatorHarness second = new OperatorHarness(client, "default", RESYNC);
    // Every project once, and the baseline.
    await().atMost(Duration.ofSeconds(15)).until(() -> second.reconciles() > projects.size());
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    List<String> writes = second.writesSince(0);
    second.close();

    assertThat(writes).isEmpty();
  }

  /**
   * Converged: six seconds go by without a write, longer than the baseline's status waits between
   * two writes.
   */
  private static void awaitNoMoreWrites(OperatorHarness operator) {
    AtomicInteger seen = new AtomicInteger(-1);
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(6))
        .until(() -> seen.getAndSet(operator.writes()) == operator.writes());
  }
}
