package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Points the kubeconfig at a given API server, for as long as a test needs. */
final class TestKubeconfig implements AutoCloseable {
  /** A port where no API server listens. */
  static final String UNREACHABLE = "https://127.0.0.1:1";

  private TestKubeconfig() {}

  static TestKubeconfig unreachable(Path dir) throws IOException {
    return at(dir, UNREACHABLE);
  }

  static TestKubeconfig at(Path dir, String server) throws IOException {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: test
            cluster: {server: "%s", insecure-skip-tls-verify: true}
        contexts:
          - name: test
            context: {cluster: test, user: tester}
        current-context: test
        users:
          - name: tester
            user: {token: test}
        """
            .formatted(server));
    System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
    return new TestKubeconfig();
  }

  @Override
  public void close() {
    System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
  }
}
