package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.controls.ControlCatalogue;
import org.researchclouds.operator.validation.ProjectValidator;

/** The examples in examples/ read into the API model, are valid, and meet every control. */
class ExamplesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "projects/intro-data-science.yaml",
        "projects/genomics-lab.yaml",
        "projects/cardio-cohort.yaml"
      })
  void eachExampleProjectIsValidAndMeetsEveryControlUnderTheExampleBaseline(String file)
      throws IOException {
    SecurityBaseline baseline = read("securitybaseline-default.yaml", SecurityBaseline.class);
    ResearchProject project = read(file, ResearchProject.class);
    project.getMetadata().setUid("example");

    assertThat(ProjectValidator.validate(project, baseline, name -> Optional.empty())).isEmpty();
    assertThat(ControlCatalogue.standard().evaluate(Fixtures.applied(project, baseline)))
        .allSatisfy(
            e -> assertThat(e.finding().state()).as(e.id()).isEqualTo(ResponsibilityState.Met));
  }

  private static <T> T read(String file, Class<T> type) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("examples", file))) {
      return Serialization.unmarshal(in, type);
    }
  }
}
