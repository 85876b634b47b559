package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    Schema schema = schemaOf(crd);
    Map<?, ?> object =
        Serialization.unmarshal(Files.readString(Path.of("examples", example)), Map.class);

    assertThat(schema.validate(Serialization.asJson(object), InputFormat.JSON)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"dataClassification: secret", "deletionPolicy: Purge"})
  void theSchemaRejectsValuesOutsideItsEnums(String change) throws IOException {
    Schema schema = schemaOf("researchprojects.researchclouds.org.yaml");
    String[] field = change.split(": ");
    String yaml =
        Files.readString(Path.of("examples", "projects", "genomics-lab.yaml"))
            .replaceAll("(?m)^  " + field[0] + ": .*$", "  " + field[0] + ": " + field[1]);
    Map<?, ?> object = Serialization.unmarshal(yaml, Map.class);

    assertThat(schema.validate(Serialization.asJson(object), InputFormat.JSON)).isNotEmpty();
  }

  private static Schema schemaOf(String crd) throws IOException {
    CustomResourceDefinition definition =
        Serialization.unmarshal(
            Files.readString(Path.of("crds", crd)), CustomResourceDefinition.class);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
        .getSchema(
            Serialization.asJson(
                definition.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()),
            InputFormat.JSON);
  }
}
