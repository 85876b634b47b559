package org.researchclouds.operator.bench;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.Responsibility;
import org.researchclouds.operator.reconciler.OperatorSettings;

/**
 * Prints how the operator scales on the CRUD mock API server: time until N projects are Ready and
 * the CPU the server and the operator spent, API writes to get there, the same against a plain
 * client's floor measured in the same run, API writes after Ready, after a restart and over idle
 * resyncs (the target is none), heap in use and the entries of the JVM's string table. Run with
 * {@code make bench} (N from BENCH_PROJECTS, default 500 and 2,000). The mock is much slower than a
 * real API server, so compare runs with each other, not with a cluster.
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /**
   * While the projects converge, as the chart ships: a resync every few seconds would evaluate
   * every Ready project again and again, work the floor does not do and a cluster would not see. A
   * size that takes longer than this evaluates its first projects again, as a cluster would.
   */
  private static final Duration SHIPPED_RESYNC = Duration.parse(OperatorSettings.DEFAULT_RESYNC);

  /** Short, so that the idle figure sees each project resynced three times. */
  private static final Duration IDLE_RESYNC = Duration.ofSeconds(5);

  /**
   * Every operator the benchmark starts, kept after it stops: a stopped operator stays reachable
   * for a while, and was seen collected in the middle of a later size, which shrank that size's
   * heap figure. Kept, they weigh the same before and after each measurement.
   */
  private static final List<OperatorHarness> STARTED = new ArrayList<>();

  /**
   * Rounds of a warm-up, each on a fresh server. One round of 200 projects was not enough: in the
   * 500-project run that followed it, the benchmark's JVM spent 22.1s of CPU, and its JIT compiler
   * threads 18.8s compiling (summed over them, waiting included); after four rounds, 12.0s and
   * 5.9s, nearer an operator that has run for a while.
   */
  private static final int WARM_UP_ROUNDS = 4;

  private static final int WARM_UP_PROJECTS = 200;

  private static final String WARM_UP_PREFIX = "warm";

  /** Each unrelated Service carries this much annotation, as large objects in a real cluster do. */
  private static final int UNRELATED_SERVICE_BYTES = 10 * 1024;

  /**
   * @param args the numbers of projects, comma-separated (default 500,2000: two sizes show whether
   *     the cost is linear); of unrelated Services of 10 KB each that the cluster holds before the
   *     operator starts (default 0); whether to measure the floor too (default true); and how many
   *     rounds of operator and floor to run at each size (default 3), whose median ratio counts
   */
  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "500,2000";
    int unrelated = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    boolean withFloor = args.length <= 2 || Boolean.parseBoolean(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    warmUp(withFloor);
    TreeMap<Integer, Long> heapBySize = new TreeMap<>();
    for (String size : sizes.split(",")) {
      int projects = Integer.parseInt(size.trim());
      heapBySize.put(projects, run(projects, unrelated, withFloor, rounds));
    }
    if (heapBySize.size() > 1) {
      // What one operator holds whatever the size (its thread pools, empty informers) cancels out.
      int smaller = heapBySize.firstKey();
      int larger = heapBySize.lastKey();
      System.out.printf(
          "operator_heap per project between %d and %d projects: %d KiB%n",
          smaller,
          larger,
          ((heapBySize.get(larger) - heapBySize.get(smaller)) >> 10) / (larger - smaller));
    }
  }

  /**
   * Small runs of the operator, each followed by one of the floor: the first one's start-up is the
   * one a new operator pod sees (a cold JVM). They take out of every measured size what the
   * benchmark's JVM and the server's do once: compiling the hot code (which a cold run spends more
   * CPU on than the operator's own work), and building serializers and type caches, which would
   * weigh in the first size's heap.
   */
  private static void warmUp(boolean withFloor) throws Exception {
    for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
      try (ServerProcess server = ServerProcess.start();
          KubernetesClient client = server.client()) {
        Convergence warm = converge(server, client, WARM_UP_PREFIX + round, WARM_UP_PROJECTS);
        if (round == 1) {
          System.out.printf(
              "startup_to_first_reconcile=%.2fs in a cold JVM (informers synced, then the first"
                  + " project)%n",
              warm.startup());
        }
        System.out.printf(
            "warm-up %d of %d: %d projects Ready in %.1fs, cpu: %s%n",
            round, WARM_UP_ROUNDS, WARM_UP_PROJECTS, warm.seconds(), warm.cpu());
        stop(warm.operator());
      }
      if (withFloor) {
        PlainClientFloor.measure(WARM_UP_PROJECTS, 0);
      }
    }
  }

  private static OperatorHarness keep(OperatorHarness operator) {
    STARTED.add(operator);
    return operator;
  }

  /** Stops a kept operator, and drops its log of every request, which later rounds would carry. */
  private static void stop(OperatorHarness operator) {
    operator.checkAndForgetRequests();
    operator.close();
  }

  /** Collects the garbage of what ran before, so that a timed run does not pay for it. */
  static void settle() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      memory.gc();
    }
  }

  /** A new operator, the baseline and a first project, once that project is reconciled. */
  private static OperatorHarness start(KubernetesClient client, Duration resync, String prefix)
      throws InterruptedException {
    OperatorHarness operator = OperatorHarness.withoutAdmissionCheck(client, "default", resync);
    client.resource(Fixtures.baseline()).create();
    String first = projectName(prefix, 0);
    client.resource(Fixtures.project(first, first)).create();
    while (operator.reconciles() == 0) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return operator;
  }

  /** A started operator's way to Ready: its start-up, then the projects' time and CPU. */
  private record Convergence(
      OperatorHarness operator, double startup, double seconds, String cpu) {}

  /**
   * Starts an operator with the shipped resync on a server that has the CRDs, creates the projects
   * (named by {@code prefix}) and waits until each is Ready.
   */
  private static Convergence converge(
      ServerProcess server, KubernetesClient client, String prefix, int projects)
      throws InterruptedException {
    try (ReadyProjects ready = ReadyProjects.watch(client)) {
      long launched = System.nanoTime();
      OperatorHarness operator = keep(start(client, SHIPPED_RESYNC, prefix));
      double startup = (System.nanoTime() - launched) / 1e9;
      settle();
      // As the floor's: from the first project on, start-up left out.
      long started = System.nanoTime();
      CpuUse cpu = CpuUse.start(server);
      createConcurrently(client, prefix, projects);
      ready.await(projects);
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Convergence(operator, startup, seconds, cpu.stop());
    }
  }

  /**
   * Runs one size: a first round with every figure, then more rounds of the operator's time alone,
   * each paired with the floor's, which runs first in every other round so that neither inherits
   * the other's leftover work. The median ratio counts: on two shared cores, one pair of runs can
   * differ by a third from the next. Returns the operator's heap.
   */
  private static long run(int projects, int unrelated, boolean withFloor, int rounds)
      throws Exception {
    String prefix = "p" + projects;
    Round first = everyFigure(projects, unrelated, prefix);
    if (!withFloor) {
      return first.heap();
    }
    List<Double> ratios = new ArrayList<>();
    ratios.add(first.seconds() / floor(projects, unrelated, 1, Optional.of(first.seconds())));
    for (int round = 2; round <= rounds; round++) {
      String roundPrefix = prefix + "r" + round;
      if (round % 2 == 0) {
        double floor = floor(projects, unrelated, round, Optional.empty());
        ratios.add(timeToReady(projects, unrelated, roundPrefix, round) / floor);
      } else {
        double seconds = timeToReady(projects, unrelated, roundPrefix, round);
        ratios.add(seconds / floor(projects, unrelated, round, Optional.of(seconds)));
      }
    }
    List<Double> sorted = ratios.stream().sorted().toList();
    System.out.printf(
        "operator/floor at %d projects over %d rounds: %s; %s %.2fx%n",
        projects,
        ratios.size(),
        ratios.stream().map(r -> String.format("%.2fx", r)).collect(Collectors.joining(", ")),
        sorted.size() % 2 == 1 ? "median" : "upper median",
        sorted.get(sorted.size() / 2));
    return first.heap();
  }

  /** One round's time to Ready, and the operator's heap when the round measured it. */
  private record Round(double seconds, long heap) {}

  private static Round everyFigure(int projects, int unrelated, String prefix) throws Exception {
    try (ServerProcess server = ServerProcess.start();
        KubernetesClient client = server.client()) {
      createUnrelatedServices(client, unrelated);
      long heapBefore = heapAfterGc();
      Optional<StringTable.Figures> stringTableBefore = StringTable.now();
      // Each size's names are its own: with interned strings, names an earlier operator still
      // holds would cost this size nothing.
      Convergence converged = converge(server, client, prefix, projects);
      OperatorHarness operator = converged.operator();
      double seconds = converged.seconds();
      int writesToReady = operator.writes();
      int reconcilesToReady = operator.reconciles();

      // The converging operator's own echoes and late writes, before its heap is read.
      TimeUnit.SECONDS.sleep(10);
      List<String> settleWrites = operator.writesSince(writesToReady);
      int settleReconciles = operator.reconciles() - reconcilesToReady;
      Map<String, Long> writesByResource = operator.writesByResource();
      Map<String, Long> requestsByVerb = operator.requestsByVerb();
      // The harness's log of every request would weigh in the operator's figure.
      operator.checkAndForgetRequests();
      long operatorHeap = heapAfterGc() - heapBefore;
      Optional<StringTable.Figures> stringTable = StringTable.now();

      long malformed =
          client.resources(ResearchProject.class).list().getItems().stream()
              .filter(ScaleBenchmark::malformed)
              .count();
      System.out.printf(
          "projects=%d ready_in=%.1fs (%.1f projects/s) writes_to_ready=%d (%.1f per"
              + " project)%n",
          projects, seconds, projects / seconds, writesToReady, writesToReady / (double) projects);
      System.out.println("cpu to Ready: " + converged.cpu());
      // Two per project are needed: one adds the finalizer, the next applies everything. More
      // would mean that the operator's own writes, echoed by its watches, start reconciles.
      System.out.printf(
          "reconciles to Ready: %d (%.1f per project)%n",
          reconcilesToReady, reconcilesToReady / (double) projects);
      System.out.println(
          "writes per project by resource: " + perProject(writesByResource, projects));
      System.out.println("requests per project by verb: " + perProject(requestsByVerb, projects));
      System.out.printf("malformed_statuses=%d%n", malformed);
      System.out.printf(
          "after Ready: %d reconciles and %d writes in 10s%n",
          settleReconciles, settleWrites.size());
      settleWrites.forEach(write -> System.out.println("write after Ready: " + write));
      System.out.printf("startup_to_first_reconcile=%.2fs in a warm JVM%n", converged.startup());
      System.out.printf(
          "unrelated_services=%d of %d KiB each%n", unrelated, UNRELATED_SERVICE_BYTES / 1024);
      System.out.printf(
          "operator_heap=%d MiB (%d KiB per project), after GC, less the benchmark's before the"
              + " operator started; the server runs in a JVM of its own%n",
          operatorHeap >> 20, (operatorHeap >> 10) / projects);
      System.out.println(
          "string_table: "
              + stringTable
                  .flatMap(
                      after -> stringTableBefore.map(before -> after.growthSince(before, projects)))
                  .orElse("unknown (the JVM did not report it)"));
      stop(operator);
      restartThenIdle(client, projects);
      return new Round(seconds, operatorHeap);
    }
  }

  /** A later round: a fresh server, a new operator, the projects to Ready. */
  private static double timeToReady(int projects, int unrelated, String prefix, int round)
      throws Exception {
    try (ServerProcess server = ServerProcess.start();
        KubernetesClient client = server.client()) {
      createUnrelatedServices(client, unrelated);
      Convergence converged = converge(server, client, prefix, projects);
      stop(converged.operator());
      System.out.printf(
          "round %d: projects=%d ready_in=%.1fs, cpu: %s%n",
          round, projects, converged.seconds(), converged.cpu());
      return converged.seconds();
    }
  }

  /**
   * The floor, on a server of its own, while no operator runs: the two runs do not share the
   * machine. Prints the ratio when the operator's time is already known.
   */
  private static double floor(
      int projects, int unrelated, int round, Optional<Double> operatorSeconds) throws Exception {
    PlainClientFloor.Figures floor = PlainClientFloor.measure(projects, unrelated);
    System.out.printf(
        "floor, round %d: a plain client with %d threads wrote the same objects and one status in"
            + " %.1fs (%d writes, %.1f per project)%s%n",
        round,
        ConfigurationService.DEFAULT_RECONCILIATION_THREADS_NUMBER,
        floor.seconds(),
        floor.writes(),
        floor.writes() / (double) projects,
        operatorSeconds
            .map(seconds -> String.format("; operator/floor=%.2fx", seconds / floor.seconds()))
            .orElse(""));
    System.out.println("floor cpu: " + floor.cpu());
    return floor.seconds();
  }

  /**
   * A new operator over the converged projects: it should find everything in place, and write
   * nothing either when its resyncs evaluate every project again.
   */
  private static void restartThenIdle(KubernetesClient client, int projects)
      throws InterruptedException {
    OperatorHarness restarted =
        keep(OperatorHarness.withoutAdmissionCheck(client, "default", IDLE_RESYNC));
    // Every project once, and the baseline.
    while (restarted.reconciles() <= projects) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    TimeUnit.SECONDS.sleep(5);
    List<String> writes = restarted.writesSince(0);
    System.out.printf("restart: %d reconciles, %d writes%n", restarted.reconciles(), writes.size());
    writes.forEach(write -> System.out.println("restart write: " + write));

    int writesBefore = restarted.writes();
    int reconcilesBefore = restarted.reconciles();
    TimeUnit.MILLISECONDS.sleep(IDLE_RESYNC.multipliedBy(3).toMillis());
    List<String> idleWrites = restarted.writesSince(writesBefore);
    System.out.printf(
        "idle: %d reconciles over %ds of resyncs every %ds, %d writes%n",
        restarted.reconciles() - reconcilesBefore,
        IDLE_RESYNC.multipliedBy(3).toSeconds(),
        IDLE_RESYNC.toSeconds(),
        idleWrites.size());
    idleWrites.forEach(write -> System.out.println("idle write: " + write));
    stop(restarted);
  }

  /**
   * With the floor's concurrency: the in-memory server answers one request at a time, so projects
   * created one after another would each wait behind every reconcile's writes, and the operator
   * would be measured waiting for its input.
   */
  private static void createConcurrently(KubernetesClient client, String prefix, int projects)
      throws InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(ConfigurationService.DEFAULT_RECONCILIATION_THREADS_NUMBER);
    for (int i = 1; i < projects; i++) {
      String name = projectName(prefix, i);
      pool.submit(() -> client.resource(Fixtures.project(name, name)).create());
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.DAYS);
  }

  private static String projectName(String prefix, int index) {
    return prefix + "-" + index;
  }

  static void createUnrelatedServices(KubernetesClient client, int count) {
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

  private static String perProject(Map<String, Long> counts, int projects) {
    return counts.entrySet().stream()
        .map(e -> String.format("%s=%.1f", e.getKey(), e.getValue() / (double) projects))
        .collect(Collectors.joining(", "));
  }

  private static long heapAfterGc() {
    settle();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** A status whose list-maps hold a key twice: what a real API server would refuse to store. */
  private static boolean malformed(ResearchProject project) {
    List<String> types =
        project.getStatus().getConditions().stream().map(Condition::getType).toList();
    List<String> ids =
        project.getStatus().getResponsibilities().stream().map(Responsibility::id).toList();
    return types.size() != Set.copyOf(types).size() || ids.size() != Set.copyOf(ids).size();
  }
}
