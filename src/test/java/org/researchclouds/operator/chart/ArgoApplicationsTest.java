package org.researchclouds.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example Argo CD Applications point at this repository's chart and projects as they are. */
class ArgoApplicationsTest {
  @Test
  void theOperatorApplicationInstallsTheChartWithValuesTheChartAccepts() throws IOException {
    Map<String, Object> source = source("operator-application.yaml");

    assertThat(Path.of((String) source.get("path"))).isEqualTo(RenderedChart.CHART);
    Map<String, ?> values = (Map<String, ?>) ((Map<?, ?>) source.get("helm")).get("valuesObject");
    RenderedChart chart = RenderedChart.render(values);
    assertThat(chart.ofKind("ServiceMonitor")).hasSize(1);
    assertThat(chart.ofKind("Deployment")).hasSize(1);
  }

  @Test
  void theProjectsApplicationSyncsTheExampleProjectsWithoutPruning() throws IOException {
    Map<String, Object> application = read("projects-application.yaml");
    Path path = Path.of((String) source("projects-application.yaml").get("path"));

    assertThat(path).isDirectory();
    try (var files = Files.list(path)) {
      assertThat(files.filter(f -> f.toString().endsWith(".yaml"))).hasSize(5);
    }
    Map<?, ?> automated =
        (Map<?, ?>)
            ((Map<?, ?>) ((Map<?, ?>) application.get("spec")).get("syncPolicy")).get("automated");
    assertThat(automated.get("prune")).isEqualTo(false);
  }

  private static Map<String, Object> source(String file) throws IOException {
    return (Map<String, Object>) ((Map<?, ?>) read(file).get("spec")).get("source");
  }

  private static Map<String, Object> read(String file) throws IOException {
    Map<String, Object> application =
        Serialization.unmarshal(Files.readString(Path.of("examples", "argocd", file)), Map.class);
    assertThat(application.get("kind")).isEqualTo("Application");
    return application;
  }
}
