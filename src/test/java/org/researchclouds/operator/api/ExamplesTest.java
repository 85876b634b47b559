package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.controls.ControlCatalogue;
import org.researchclouds.operator.local.ClusterSeed;
import org.researchclouds.operator.validation.ProjectValidator;

/** The examples in examples/ read into the API model, are valid, and meet every control. */
class ExamplesTest {
  private static final List<HasMetadata> EXAMPLES =
      ClusterSeed.read(ClusterSeed.exampleFiles(Path.of("examples")));

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void eachExampleProjectIsValidAndMeetsEveryControlUnderTheExampleBaseline(String name) {
    SecurityBaseline baseline = example(SecurityBaseline.class, "default");
    ResearchProject project = example(ResearchProject.class, name);
    project.getMetadata().setUid("example");

    assertThat(ProjectValidator.validate(project, baseline, n -> Optional.empty(), Set.of()))
        .isEmpty();
    assertThat(ControlCatalogue.standard().evaluate(Fixtures.applied(project, baseline)))
        .allSatisfy(
            e -> assertThat(e.finding().state()).as(e.id()).isEqualTo(ResponsibilityState.Met));
  }

  static Stream<String> projects() {
    return EXAMPLES.stream()
        .filter(ResearchProject.class::isInstance)
        .map(p -> p.getMetadata().getName());
  }

  private static <T extends HasMetadata> T example(Class<T> type, String name) {
    return EXAMPLES.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow();
  }
}
