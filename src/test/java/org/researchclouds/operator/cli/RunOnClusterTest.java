package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.researchclouds.operator.local.ClusterSeed;
import picocli.CommandLine;

/** `run` on a reachable cluster refuses to start, saying what to fix, when it cannot work. */
@EnableKubernetesMockClient(crud = true)
class RunOnClusterTest {
  static KubernetesClient client;
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private TestKubeconfig kubeconfig;

  @BeforeEach
  void pointTheKubeconfigAtTheServer() throws Exception {
    kubeconfig = TestKubeconfig.at(dir, client.getConfiguration().getMasterUrl());
  }

  @AfterEach
  void restore() {
    kubeconfig.close();
  }

  @Test
  void withoutOurCrdsItSaysHowToInstallThem() {
    int exit = run("run");

    assertThat(exit).isEqualTo(RunCommand.CRDS_MISSING);
    assertThat(err.toString()).contains("kubectl apply -f crds/").doesNotContain("\tat ");
  }

  @Test
  void aTakenHttpPortIsAClearError() throws Exception {
    ClusterSeed.installCrds(client);
    try (ServerSocket taken = new ServerSocket(0)) {
      int exit = run("run", "--http-port=" + taken.getLocalPort());

      assertThat(exit).isEqualTo(OperatorRun.PORT_TAKEN);
      assertThat(err.toString())
          .contains("Port " + taken.getLocalPort() + " is taken")
          .contains("--http-port")
          .doesNotContain("\tat ");
    }
  }

  private int run(String... args) {
    return new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute(args);
  }
}
