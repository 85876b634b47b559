package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.researchclouds.operator.OwnCrdSchemas;

/**
 * The examples are valid against the structural schema of our own CRDs, as the API server checks.
 */
class OwnCrdSchemaTest {
  @ParameterizedTest
  @CsvSource({
    "securitybaselines.researchclouds.org.yaml, securitybaseline-default.yaml",
    "researchprojects.researchclouds.org.yaml, projects/intro-data-science.yaml",
    "researchprojects.researchclouds.org.yaml, projects/genomics-lab.yaml",
    "researchprojects.researchclouds.org.yaml, projects/cardio-cohort.yaml"
  })
  void examplesValidateAgainstTheCrd(String crd, String example) throws IOException {
    Map<?, ?> object =
        Serialization.unmarshal(Files.readString(Path.of("examples", example)), Map.class);

    assertThat(OwnCrdSchemas.errors(crd, object)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"dataClassification: secret", "deletionPolicy: Purge"})
  void theSchemaRejectsValuesOutsideItsEnums(String change) throws IOException {
    String[] field = change.split(": ");
    String yaml =
        Files.readString(Path.of("examples", "projects", "genomics-lab.yaml"))
            .replaceAll("(?m)^  " + field[0] + ": .*$", "  " + field[0] + ": " + field[1]);
    Map<?, ?> object = Serialization.unmarshal(yaml, Map.class);

    assertThat(OwnCrdSchemas.errors("researchprojects.researchclouds.org.yaml", object))
        .isNotEmpty();
  }
}
