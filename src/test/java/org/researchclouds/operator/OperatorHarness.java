package org.researchclouds.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.researchclouds.operator.chart.ChartPermissions;
import org.researchclouds.operator.local.ClusterSeed;
import org.researchclouds.operator.observe.CanonicalStrings;
import org.researchclouds.operator.reconciler.OperatorBootstrap;
import org.researchclouds.operator.reconciler.OperatorSettings;

/**
 * Runs the real operator against the mock API server, on a client of its own that records every
 * request the operator sends, and counts finished reconciles. Closing it fails when the chart's
 * RBAC would have refused any of those requests, or its ValidatingAdmissionPolicy denied any of
 * those writes, so every test run on it checks the chart too.
 */
public final class OperatorHarness implements AutoCloseable {
  /** Where the operator runs in the tests: a namespace no project may claim. */
  public static final String OPERATOR_NAMESPACE = "researchproject-operator";

  // Appended to on every request: a copy-on-write list would copy itself each time, at a cost that
  // grows with the run and would count against the operator in the benchmark.
  private static final Set<String> READS = Set.of("get", "list", "watch");

  private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
  private final List<ApiRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger reconciles = new AtomicInteger();
  private final Optional<AdmissionRecorder> admissions;
  private final KubernetesClient operatorClient;
  private final Operator operator;

  public OperatorHarness(KubernetesClient testClient, String baselineName, Duration resync) {
    this(testClient, baselineName, resync, true);
  }

  /**
   * For benchmarks: the admission check reads each written object back from the server, which would
   * count in the figures.
   */
  public static OperatorHarness withoutAdmissionCheck(
      KubernetesClient testClient, String baselineName, Duration resync) {
    return new OperatorHarness(testClient, baselineName, resync, false);
  }

  private OperatorHarness(
      KubernetesClient testClient, String baselineName, Duration resync, boolean checkAdmission) {
    ClusterSeed.installCrds(testClient);
    admissions = checkAdmission ? Optional.of(new AdmissionRecorder(testClient)) : Optional.empty();
    operatorClient =
        CanonicalStrings.clientBuilder(testClient.getConfiguration())
            .withHttpClientBuilderConsumer(
                b -> b.addOrReplaceInterceptor("record-requests", new RequestRecorder()))
            .build();
    operator =
        OperatorBootstrap.create(
            operatorClient,
            new OperatorSettings(baselineName, resync, Clock.systemUTC(), OPERATOR_NAMESPACE),
            new ReconcileCounter());
    operator.start();
  }

  public int writes() {
    return writes.size();
  }

  /**
   * The writes so far, counted by resource, such as {@code events} or {@code
   * researchprojects/status}.
   */
  public Map<String, Long> writesByResource() {
    return countByResource(request -> !READS.contains(request.verb()));
  }

  /** The single-object reads so far ({@code get}), counted by resource: caches should answer. */
  public Map<String, Long> getsByResource() {
    return countByResource(request -> "get".equals(request.verb()));
  }

  /** Every request so far, counted by verb: lists and watches as well as writes. */
  public Map<String, Long> requestsByVerb() {
    return count(request -> true, ApiRequest::verb);
  }

  private Map<String, Long> countByResource(Predicate<ApiRequest> counted) {
    return count(counted, ApiRequest::resource);
  }

  private Map<String, Long> count(Predicate<ApiRequest> counted, Function<ApiRequest, String> key) {
    synchronized (requests) {
      return requests.stream()
          .filter(counted)
          .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
  }

  /** The writes from the {@code from}-th on, as method and path, to say which ones happened. */
  public List<String> writesSince(int from) {
    synchronized (writes) {
      return List.copyOf(writes.subList(from, writes.size()));
    }
  }

  /**
   * Checks the requests so far against the chart's RBAC, then forgets them and the writes: for a
   * benchmark, whose heap figure the log of every request would weigh in.
   */
  public void checkAndForgetRequests() {
    synchronized (requests) {
      ChartPermissions.assertAllowed(requests);
      requests.clear();
    }
    writes.clear();
  }

  public int reconciles() {
    return reconciles.get();
  }

  @Override
  public void close() {
    operator.stop();
    operatorClient.close();
    ChartPermissions.assertAllowed(requests);
    admissions.ifPresent(AdmissionRecorder::assertAdmitted);
  }

  private final class RequestRecorder implements Interceptor {
    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      ApiRequest.of(request.method(), request.uri())
          .ifPresent(
              api -> {
                requests.add(api);
                admissions.ifPresent(
                    recorder -> recorder.record(request.method(), api, request.bodyString()));
              });
      if (!"GET".equals(request.method())) {
        writes.add(request.method() + " " + request.uri().getPath());
      }
    }
  }

  private final class ReconcileCounter implements Metrics {
    @Override
    public void finishedReconciliation(
        io.fabric8.kubernetes.api.model.HasMetadata resource, Map<String, Object> metadata) {
      reconciles.incrementAndGet();
    }
  }
}
