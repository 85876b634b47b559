package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `run` without a cluster says so and exits non-zero, rather than retrying or failing with a trace.
 */
class RunCommandTest {
  private final PrintStream stderr = System.err;

  @AfterEach
  void restore() {
    System.setErr(stderr);
    System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
  }

  @Test
  void anUnreachableClusterIsAClearErrorAndExitCode2(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: nowhere
            cluster: {server: "https://127.0.0.1:1"}
        contexts:
          - name: nowhere
            context: {cluster: nowhere, user: nobody}
        current-context: nowhere
        users:
          - name: nobody
            user: {token: none}
        """);
    System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));

    int exit = new CommandLine(new Main()).execute("run");

    assertThat(exit).isEqualTo(RunCommand.CLUSTER_UNREACHABLE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("No Kubernetes cluster is reachable at https://127.0.0.1:1")
        .contains("KUBECONFIG")
        .doesNotContain("Exception:")
        .doesNotContain("\tat ");
  }
}
