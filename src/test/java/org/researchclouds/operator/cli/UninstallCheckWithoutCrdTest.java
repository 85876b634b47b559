package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Without the CRD no project can exist: the hook lets the uninstall go. */
@EnableKubernetesMockClient
class UninstallCheckWithoutCrdTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @Test
  void aMissingCrdMeansNoProject() {
    server
        .expect()
        .get()
        .withPath("/apis/researchclouds.org/v1alpha1/researchprojects")
        .andReturn(404, "")
        .once();
    UninstallCheckCommand command = new UninstallCheckCommand();
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(command).setOut(new PrintWriter(out, true));
    command.spec = line.getCommandSpec();

    assertThat(command.check(client)).isZero();
    assertThat(out.toString()).contains("CRD is gone");
  }

  @Test
  void anyOtherRefusalStopsTheUninstall() {
    server
        .expect()
        .get()
        .withPath("/apis/researchclouds.org/v1alpha1/researchprojects")
        .andReturn(403, "")
        .once();
    UninstallCheckCommand command = new UninstallCheckCommand();
    CommandLine line = new CommandLine(command).setErr(new PrintWriter(new StringWriter(), true));
    command.spec = line.getCommandSpec();

    assertThat(command.check(client)).isEqualTo(UninstallCheckCommand.API_ERROR);
  }
}
