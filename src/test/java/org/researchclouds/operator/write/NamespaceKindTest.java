package org.researchclouds.operator.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.NamespaceDesired;

/**
 * Attack 3 of docs/threat-model.md, the race: two projects take over one namespace at once. The
 * take-over is an update over the version the reconcile judged, so the API server refuses the
 * second writer (409) and its next reconcile finds the namespace held.
 */
class NamespaceKindTest {
  private final NamespaceKind kind = new NamespaceKind();

  @Test
  void aTakeOverWritesOnlyOverTheVersionItJudged() {
    ResearchProject project = Fixtures.project("lab", "lab-shared");
    Namespace handedOver =
        new NamespaceBuilder()
            .withNewMetadata()
            .withName("lab-shared")
            .withResourceVersion("41")
            .addToAnnotations(Names.ADOPTABLE_BY_ANNOTATION, "lab")
            .endMetadata()
            .build();

    Namespace merged =
        kind.merged(
            NamespaceDesired.desired(project, "lab-shared", Fixtures.baseline()), handedOver);

    assertThat(merged.getMetadata().getResourceVersion()).isEqualTo("41");
    assertThat(merged.getMetadata().getLabels())
        .containsEntry(Names.PROJECT_UID_LABEL, project.getMetadata().getUid());
    assertThat(merged.getMetadata().getAnnotations())
        .containsEntry(Names.ORIGIN_ANNOTATION, Names.ORIGIN_ADOPTED)
        .as("a hand-over is spent once taken: no later namesake may take it again")
        .doesNotContainKey(Names.ADOPTABLE_BY_ANNOTATION);
  }
}
