package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.local.ClusterSeed;
import picocli.CommandLine;

/** The chart's pre-delete hook refuses an uninstall while projects exist, naming them. */
@EnableKubernetesMockClient(crud = true)
class UninstallCheckCommandTest {
  static KubernetesClient client;

  @Test
  void refusesWhileProjectsExistAndAllowsOnceTheyAreGone() {
    ClusterSeed.installCrds(client);
    UninstallCheckCommand command = new UninstallCheckCommand();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(command).setErr(new PrintWriter(err, true));
    command.spec = line.getCommandSpec();

    assertThat(command.check(client)).isZero();

    client.resource(Fixtures.project("genomics-lab", "genomics-lab")).create();
    client.resource(Fixtures.project("cardio-cohort", "cardio-cohort")).create();

    assertThat(command.check(client)).isEqualTo(UninstallCheckCommand.PROJECTS_EXIST);
    assertThat(err.toString())
        .contains("2 ResearchProject(s) still exist: cardio-cohort, genomics-lab.")
        .contains("uninstall.force=true");
  }
}
