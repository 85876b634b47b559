package org.researchclouds.operator.bench;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.Responsibility;

/**
 * Prints how the operator scales on the CRUD mock API server: time until N projects are Ready, API
 * writes to get there, the same against a plain client's floor measured in the same run, API writes
 * over idle resyncs (the target is none), and heap in use. Run with {@code make bench} (N from
 * BENCH_PROJECTS, default 200). The mock is much slower than a real API server, so compare runs
 * with each other, not with a cluster.
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /** Each unrelated Service carries this much annotation, as large objects in a real cluster do. */
  private static final int UNRELATED_SERVICE_BYTES = 10 * 1024;

  /**
   * @param args the numbers of projects, comma-separated (default 500,2000: two sizes show whether
   *     the cost is linear), and of unrelated Services of 10 KB each that the cluster holds before
   *     the operator starts (default 0)
   */
  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "500,2000";
    int unrelated = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    for (String size : sizes.split(",")) {
      run(Integer.parseInt(size.trim()), unrelated);
    }
  }

  private static void run(int projects, int unrelated) throws Exception {
    Duration resync = Duration.ofSeconds(5);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    try (KubernetesClient seeder = server.createClient()) {
      createUnrelatedServices(seeder, unrelated);
    }
    double seconds;
    long launched = System.nanoTime();
    try (KubernetesClient client = server.createClient();
        OperatorHarness operator =
            OperatorHarness.withoutAdmissionCheck(client, "default", resync)) {
      client.resource(Fixtures.baseline()).create();

      long start = System.nanoTime();
      client.resource(Fixtures.project("bench-0", "bench-0")).create();
      while (operator.reconciles() == 0) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
      double startup = (System.nanoTime() - launched) / 1e9;
      for (int i = 1; i < projects; i++) {
        String name = "bench-" + i;
        client.resource(Fixtures.project(name, name)).create();
      }
      while (ready(client) < projects) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
      seconds = (System.nanoTime() - start) / 1e9;
      int writesToReady = operator.writes();

      // Let the watches deliver the last status writes before counting idle writes.
      TimeUnit.SECONDS.sleep(10);
      int writesBefore = operator.writes();
      int reconcilesBefore = operator.reconciles();
      TimeUnit.MILLISECONDS.sleep(resync.multipliedBy(3).toMillis());
      int idleReconciles = operator.reconciles() - reconcilesBefore;
      int idleWrites = operator.writes() - writesBefore;

      long malformed =
          client.resources(ResearchProject.class).list().getItems().stream()
              .filter(ScaleBenchmark::malformed)
              .count();

      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      System.out.printf(
          "projects=%d ready_in=%.1fs (%.1f projects/s) writes_to_ready=%d (%.1f per project)%n",
          projects, seconds, projects / seconds, writesToReady, writesToReady / (double) projects);
      System.out.println(
          "writes per project by resource: "
              + operator.writesByResource().entrySet().stream()
                  .map(e -> String.format("%s=%.1f", e.getKey(), e.getValue() / (double) projects))
                  .collect(Collectors.joining(", ")));
      System.out.printf("malformed_statuses=%d%n", malformed);
      System.out.printf(
          "startup_to_first_reconcile=%.2fs (informers synced, then the first project)%n", startup);
      System.out.printf(
          "unrelated_services=%d of %d KiB each%n", unrelated, UNRELATED_SERVICE_BYTES / 1024);
      System.out.printf(
          "idle: %d reconciles over %ds of resyncs, %d writes; heap_in_use=%d MiB (%d KiB per"
              + " project)%n",
          idleReconciles,
          resync.multipliedBy(3).toSeconds(),
          idleWrites,
          heap >> 20,
          (heap >> 10) / projects);
      operator
          .writesSince(writesBefore)
          .forEach(write -> System.out.println("idle write: " + write));
    } finally {
      server.destroy();
    }
    // After the operator's server is gone, so that the two runs do not share the machine.
    PlainClientFloor.Figures floor = PlainClientFloor.measure(projects);
    System.out.printf(
        "floor: a plain client with %d threads wrote the same objects and one status in %.1fs"
            + " (%d writes, %.1f per project); operator/floor=%.1fx%n",
        ConfigurationService.DEFAULT_RECONCILIATION_THREADS_NUMBER,
        floor.seconds(),
        floor.writes(),
        floor.writes() / (double) projects,
        seconds / floor.seconds());
  }

  private static void createUnrelatedServices(KubernetesClient client, int count) {
    if (count == 0) {
      return;
    }
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName("unrelated").endMetadata().build())
        .create();
    String padding = "x".repeat(UNRELATED_SERVICE_BYTES);
    IntStream.range(0, count)
        .parallel()
        .forEach(
            i ->
                client
                    .services()
                    .inNamespace("unrelated")
                    .resource(
                        new ServiceBuilder()
                            .withNewMetadata()
                            .withName("svc-" + i)
                            .addToAnnotations("example.org/padding", padding)
                            .endMetadata()
                            .withNewSpec()
                            .addNewPort()
                            .withPort(80)
                            .endPort()
                            .endSpec()
                            .build())
                    .create());
  }

  /** A status whose list-maps hold a key twice: what a real API server would refuse to store. */
  private static boolean malformed(ResearchProject project) {
    List<String> types =
        project.getStatus().getConditions().stream().map(Condition::getType).toList();
    List<String> ids =
        project.getStatus().getResponsibilities().stream().map(Responsibility::id).toList();
    return types.size() != Set.copyOf(types).size() || ids.size() != Set.copyOf(ids).size();
  }

  private static long ready(KubernetesClient client) {
    return client.resources(ResearchProject.class).list().getItems().stream()
        .filter(p -> p.getStatus() != null)
        .filter(
            p ->
                p.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .count();
  }
}
