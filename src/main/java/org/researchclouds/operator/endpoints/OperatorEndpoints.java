package org.researchclouds.operator.endpoints;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoints for the kubelet and Prometheus:
 *
 * <ul>
 *   <li>{@code /healthz}: liveness; fails once the operator, having started, has stopped, or when
 *       an informer has stopped for good;
 *   <li>{@code /readyz}: readiness; the operator has started, no informer has stopped for good, and
 *       every informer is connected and synced (JOSDK's health indicators), the standby replica's
 *       included;
 *   <li>{@code /metrics}: JOSDK's reconcile metrics and the JVM's, in Prometheus text format.
 * </ul>
 */
public final class OperatorEndpoints implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final InformerFailure informerFailure;
  private volatile boolean everStarted;

  private OperatorEndpoints(HttpServer server, InformerFailure informerFailure) {
    this.server = server;
    this.informerFailure = informerFailure;
  }

  /** Serves on {@code port} (0 picks a free one) until closed. */
  public static OperatorEndpoints serve(
      int port,
      RuntimeInfo runtime,
      PrometheusMeterRegistry registry,
      InformerFailure informerFailure)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    OperatorEndpoints endpoints = new OperatorEndpoints(server, informerFailure);
    server.createContext("/healthz", exchange -> endpoints.liveness(exchange, runtime));
    server.createContext("/readyz", exchange -> endpoints.readiness(exchange, runtime));
    server.createContext(
        "/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry::scrape));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> new Thread(r, "endpoints")));
    server.start();
    return endpoints;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void liveness(HttpExchange exchange, RuntimeInfo runtime) throws IOException {
    boolean started = runtime.isStarted();
    everStarted |= started;
    Optional<String> failure = informerFailure.failure();
    boolean alive = failure.isEmpty() && (started || !everStarted);
    respond(
        exchange,
        alive ? 200 : 503,
        "text/plain",
        () -> alive ? "ok\n" : failure.orElse("stopped") + "\n");
  }

  private void readiness(HttpExchange exchange, RuntimeInfo runtime) throws IOException {
    Optional<String> failure = informerFailure.failure();
    if (failure.isPresent()) {
      respond(exchange, 503, "text/plain", () -> failure.get() + "\n");
    } else if (!runtime.isStarted()) {
      respond(exchange, 503, "text/plain", () -> "starting\n");
    } else if (!runtime.allEventSourcesAreHealthy()) {
      respond(
          exchange,
          503,
          "text/plain",
          () -> "unhealthy event sources: " + runtime.unhealthyEventSources().keySet() + "\n");
    } else {
      respond(exchange, 200, "text/plain", () -> "ready\n");
    }
  }

  private static void respond(
      HttpExchange exchange, int code, String contentType, Supplier<String> body)
      throws IOException {
    byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
