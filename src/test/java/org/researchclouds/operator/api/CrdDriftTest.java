package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checked-in CRDs are exactly what the build generates from the Java model. The generator runs
 * in process-classes, before the tests; when this fails, run {@code make crds} and commit.
 */
class CrdDriftTest {
  @ParameterizedTest
  @ValueSource(strings = {"researchprojects", "securitybaselines"})
  void checkedInCrdMatchesTheJavaModel(String plural) throws IOException {
    Path generated =
        Path.of("target/classes/META-INF/fabric8/" + plural + ".researchclouds.org-v1.yml");
    Path checkedIn = Path.of("crds/" + plural + ".researchclouds.org.yaml");

    assertThat(Files.readString(checkedIn))
        .as(
            "crds/%s differs from the Java model: run `make crds` and commit",
            checkedIn.getFileName())
        .isEqualTo(Files.readString(generated));
  }
}
