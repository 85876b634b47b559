package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Points the kubeconfig at a port where no API server listens, for as long as a test needs. */
final class UnreachableCluster implements AutoCloseable {
  static final String URL = "https://127.0.0.1:1";

  UnreachableCluster(Path dir) throws IOException {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: nowhere
            cluster: {server: "%s"}
        contexts:
          - name: nowhere
            context: {cluster: nowhere, user: nobody}
        current-context: nowhere
        users:
          - name: nobody
            user: {token: none}
        """
            .formatted(URL));
    System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
  }

  @Override
  public void close() {
    System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
  }
}
