package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;

/** The README's table of the responsibility model lists every control and leaves no line out. */
class ModelTableTest {
  @Test
  void everyControlHasItsLineAndNoLineIsLeftUnevaluated() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table =
        readme.substring(
            readme.indexOf("## The responsibility model, line by line"),
            readme.indexOf("## Compute"));

    assertThat(
            ControlCatalogue.standard()
                .evaluate(Fixtures.applied(Fixtures.project("lab", "lab"), Fixtures.baseline())))
        .allSatisfy(e -> assertThat(table).contains("`" + e.id() + "`"));
    assertThat(table).doesNotContainIgnoringCase("not yet evaluated");
  }
}
