package org.researchclouds.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and the chart agree: the image runs as the user the pod requires and serves the
 * port the probes call. (No container engine runs here, so the image itself is not built.)
 */
class ImageTest {
  private static final Path DOCKERFILE = Path.of("Dockerfile");

  @Test
  void aMultiStageBuildWhoseImageRunsAsThePodsNonRootUser() throws IOException {
    List<String> lines = Files.readAllLines(DOCKERFILE);
    PodSpec pod =
        RenderedChart.render(Map.of())
            .get("Deployment", RenderedChart.FULL_NAME, Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec();
    long uid = pod.getSecurityContext().getRunAsUser();

    assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).hasSize(2);
    assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).last().asString().contains("-jre");
    assertThat(lines).contains("USER " + uid + ":" + pod.getSecurityContext().getRunAsGroup());
    assertThat(uid).isNotZero();
    assertThat(lines)
        .contains("EXPOSE " + pod.getContainers().get(0).getPorts().get(0).getContainerPort());
    assertThat(lines)
        .anyMatch(l -> l.startsWith("ENTRYPOINT ") && l.contains("researchproject-operator.jar"));
    assertThat(pod.getContainers().get(0).getArgs()).first().isEqualTo("run");
  }
}
