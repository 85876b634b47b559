package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `run` without a cluster, or with bad examples, says so and exits non-zero, with no trace. */
class RunCommandTest {
  @Test
  void anUnreachableClusterIsAClearErrorAndExitCode2(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    int exit;
    try (TestKubeconfig nowhere = TestKubeconfig.unreachable(dir)) {
      exit = new CommandLine(new Main()).setErr(new PrintWriter(err)).execute("run");
    }

    assertThat(exit).isEqualTo(RunCommand.CLUSTER_UNREACHABLE);
    assertThat(err.toString())
        .contains("No Kubernetes cluster is reachable at " + TestKubeconfig.UNREACHABLE)
        .contains("KUBECONFIG")
        .doesNotContain("Exception:")
        .doesNotContain("\tat ");
  }

  @Test
  void aForeignKindAmongTheExamplesStopsTheInMemoryModeBeforeItStarts(@TempDir Path dir)
      throws Exception {
    Path examples = Files.createDirectories(dir.resolve("examples"));
    Files.writeString(
        examples.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
    StringWriter err = new StringWriter();
    int exit;
    try (TestKubeconfig nowhere = TestKubeconfig.unreachable(dir)) {
      exit =
          new CommandLine(new Main())
              .setErr(new PrintWriter(err))
              .execute("run", "--when-unreachable=inMemory", "--examples=" + examples);
    }

    assertThat(exit).isEqualTo(RunCommand.BAD_EXAMPLES);
    assertThat(err.toString())
        .contains("pod.yaml: kind Pod is neither a SecurityBaseline nor a ResearchProject")
        .doesNotContain("\tat ");
  }
}
