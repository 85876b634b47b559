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
import java.util.stream.Collectors;
import org.researchclouds.operator.local.InMemoryCluster;

/**
 * The in-memory API server in a JVM of its own: its store would otherwise share the benchmark's
 * heap, and the heap figure would say more about the server than about the operator. It lives until
 * its standard input closes, so it ends with the benchmark however that ends.
 */
final class ServerProcess implements AutoCloseable {
  private static final String URL_LINE = "url=";

  private final Process process;
  private final String url;

  private ServerProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static ServerProcess start() throws IOException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath(),
                ServerProcess.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String url =
        out.lines()
            .filter(line -> line.startsWith(URL_LINE))
            .findFirst()
            .map(line -> line.substring(URL_LINE.length()))
            .orElseThrow(() -> new IOException("the in-memory server did not start"));
    // Whatever else it prints must not fill the pipe and stall it.
    Thread drain = new Thread(() -> out.lines().forEach(line -> {}), "server-output");
    drain.setDaemon(true);
    drain.start();
    return new ServerProcess(process, url);
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

  /** The CPU time the server has used so far, where the OS reports it. */
  Optional<Duration> cpu() {
    return process.info().totalCpuDuration();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** The server's side: starts it, prints its address, and serves until its input closes. */
  public static void main(String[] args) throws IOException {
    try (InMemoryCluster cluster = InMemoryCluster.start(List.of())) {
      System.out.println(URL_LINE + cluster.url());
      System.out.flush();
      while (System.in.read() != -1) {
        // serve
      }
    }
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
