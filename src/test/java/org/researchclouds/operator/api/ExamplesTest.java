package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.controls.ControlCatalogue;
import org.researchclouds.operator.validation.ProjectValidator;

/** The examples in examples/ read into the API model, are valid, and meet every control. */
class ExamplesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void eachExampleProjectIsValidAndSatisfiesEveryControlUnderTheExampleBaseline(String name) {
    SecurityBaseline baseline = Fixtures.example(SecurityBaseline.class, "default");
    ResearchProject project = Fixtures.example(ResearchProject.class, name);
    project.getMetadata().setUid("example");

    assertThat(
            ProjectValidator.validate(
                project, baseline, n -> Optional.empty(), Set.of(), Fixtures.NO_HOST_CLAIMS))
        .isEmpty();
    // The example's audit log shipper runs; climate-model's patching is excepted for a while.
    assertThat(ControlCatalogue.standard().evaluate(Fixtures.applied(project, baseline)))
        .allSatisfy(
            e ->
                assertThat(e.finding().state())
                    .as(e.id())
                    .isIn(
                        ResponsibilityState.Met,
                        ResponsibilityState.Attested,
                        ResponsibilityState.Excepted));
  }

  static Stream<String> projects() {
    return Fixtures.EXAMPLES.stream()
        .filter(ResearchProject.class::isInstance)
        .map(p -> p.getMetadata().getName());
  }
}
