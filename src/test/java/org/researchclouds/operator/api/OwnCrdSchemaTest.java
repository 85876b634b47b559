package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.researchclouds.operator.OwnCrdSchemas;
import org.researchclouds.operator.local.ClusterSeed;

/**
 * The examples are valid against the structural schema of our own CRDs, as the API server checks.
 */
class OwnCrdSchemaTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleFiles")
  void examplesValidateAgainstTheCrd(Path example) throws IOException {
    Map<?, ?> object = Serialization.unmarshal(Files.readString(example), Map.class);
    String crd =
        object.get("kind").equals("SecurityBaseline")
            ? "securitybaselines.researchclouds.org.yaml"
            : "researchprojects.researchclouds.org.yaml";

    assertThat(OwnCrdSchemas.errors(crd, object)).isEmpty();
  }

  static List<Path> exampleFiles() {
    return ClusterSeed.exampleFiles(Path.of("examples"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dataClassification: secret",
        "deletionPolicy: Purge",
        "namespaces: [Lab]",
        "namespaces: [" + "a123456789a123456789a123456789a123456789a123456789a123456789abcd]",
        "network: {egress: [{name: out, cidrs: [192.0.2.0/33], ports: [{port: 443}]}]}",
        "network: {egress: [{name: out, cidrs: [300.0.0.0/8], ports: [{port: 443}]}]}",
        "network: {egress: [{name: out, cidrs: [192.0.2.0], ports: [{port: 443}]}]}",
        "network: {exposures: [{name: web, ports: [{port: 80}], from: {ingressController: true},"
            + " hosts: [lab example]}]}",
        "network: {exposures: [{name: web, ports: [{port: 80}], from: {projects: [Other]}}]}"
      })
  @SuppressWarnings("unchecked")
  void theSchemaRejectsValuesOutsideItsEnumsPatternsAndBounds(String change) throws IOException {
    Map<String, Object> object =
        Serialization.unmarshal(
            Files.readString(Path.of("examples", "projects", "genomics-lab.yaml")), Map.class);
    Map<String, Object> spec = (Map<String, Object>) object.get("spec");
    spec.putAll(Serialization.unmarshal(change, Map.class));

    assertThat(OwnCrdSchemas.errors("researchprojects.researchclouds.org.yaml", object))
        .isNotEmpty();
  }
}
