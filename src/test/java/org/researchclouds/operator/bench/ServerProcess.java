package org.researchclouds.operator.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.researchclouds.operator.local.InMemoryCluster;

/**
 * A fresh in-memory API server, in a JVM of its own: its store would otherwise share the
 * benchmark's heap, and the heap figure would say more about the server than about the operator.
 * Every server of a benchmark is served by the same JVM, one at a time, so that the server's code
 * is compiled once and every run meets it warm, as an operator meets a real API server. That JVM
 * lives until its standard input closes, so it ends with the benchmark however that ends.
 */
final class ServerProcess implements AutoCloseable {
  private static final String URL_LINE = "url=";
  private static final String NEW = "new";
  private static final String CLOSE = "close";

  private static ServerJvm jvm;

  private final String url;

  private ServerProcess(String url) {
    this.url = url;
  }

  /**
   * A new server, empty but for the CRDs, as the chart installs them in a cluster; the one before
   * it must be closed.
   */
  static synchronized ServerProcess start() throws IOException {
    if (jvm == null) {
      jvm = ServerJvm.launch();
    }
    return new ServerProcess(jvm.newServer());
  }

  /** A new client of the server, as the mock server's own clients are configured. */
  KubernetesClient client() {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withNamespace("test")
                .withTrustCerts(true)
                // Plain HTTP: a client that offers an upgrade to HTTP/2 misreads the server's
                // long answers (a list of every project, say).
                .withHttp2Disable(true)
                .build())
        .build();
  }

  /** The CPU time the server's JVM has used so far, where the OS reports it. */
  Optional<Duration> cpu() {
    return jvm.process.info().totalCpuDuration();
  }

  @Override
  public void close() throws IOException {
    jvm.send(CLOSE);
  }

  /** The JVM that serves, and the addresses it prints, read as they come so that none stalls it. */
  private record ServerJvm(Process process, BlockingQueue<String> urls) {
    static ServerJvm launch() throws IOException {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  classpath(),
                  ServerProcess.class.getName())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BlockingQueue<String> urls = new LinkedBlockingQueue<>();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Thread reader =
          new Thread(
              () ->
                  out.lines()
                      .filter(line -> line.startsWith(URL_LINE))
                      .forEach(line -> urls.add(line.substring(URL_LINE.length()))),
              "server-output");
      reader.setDaemon(true);
      reader.start();
      return new ServerJvm(process, urls);
    }

    String newServer() throws IOException {
      send(NEW);
      try {
        String url = urls.poll(1, TimeUnit.MINUTES);
        if (url == null) {
          throw new IOException("the in-memory server did not start within a minute");
        }
        return url;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the in-memory server started", e);
      }
    }

    void send(String command) throws IOException {
      if (!process.isAlive()) {
        throw new IOException("the in-memory server's JVM has ended");
      }
      process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }
  }

  /**
   * The server's side: on {@code new}, ends the current server and starts an empty one, whose
   * address it prints; on {@code close}, ends the current one; ends when its input closes.
   */
  public static void main(String[] args) throws IOException {
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Optional<InMemoryCluster> current = Optional.empty();
    for (String command = commands.readLine(); command != null; command = commands.readLine()) {
      current.ifPresent(InMemoryCluster::close);
      current = Optional.empty();
      if (NEW.equals(command)) {
        InMemoryCluster cluster = InMemoryCluster.start(List.of());
        current = Optional.of(cluster);
        System.out.println(URL_LINE + cluster.url());
        System.out.flush();
      }
    }
    current.ifPresent(InMemoryCluster::close);
  }

  /** The benchmark's own classpath: under Maven's exec plugin, that of its class loader. */
  private static String classpath() {
    if (ServerProcess.class.getClassLoader() instanceof URLClassLoader loader) {
      return Arrays.stream(loader.getURLs())
          .map(ServerProcess::path)
          .collect(Collectors.joining(java.io.File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }

  private static String path(URL url) {
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(url + " is not a file", e));
    }
  }
}
