package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.DataClassification;
import org.researchclouds.operator.api.PodSecurityLevel;
import org.researchclouds.operator.api.PodSecurityLevels;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

class NamespaceDesiredTest {
  @Test
  void labelsTheNamespaceWithItsProjectAndThePodSecurityOfItsClassification() {
    Namespace namespace =
        NamespaceDesired.desired(
            Fixtures.project("lab", "lab-data"), "lab-data", Fixtures.baseline());

    assertThat(namespace.getMetadata().getName()).isEqualTo("lab-data");
    assertThat(namespace.getMetadata().getOwnerReferences())
        .as("a namespace never has an owner")
        .isEmpty();
    assertThat(namespace.getMetadata().getLabels())
        .containsEntry("researchclouds.org/project", "lab")
        .containsEntry("app.kubernetes.io/managed-by", "researchproject-operator")
        .containsEntry("researchclouds.org/data-classification", "sensitive")
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("pod-security.kubernetes.io/enforce-version", "latest")
        .containsEntry("pod-security.kubernetes.io/audit", "restricted")
        .containsEntry("pod-security.kubernetes.io/warn", "restricted");
  }

  @Test
  void followsTheLevelTheBaselineSetsForTheClassification() {
    ResearchProject project = withClassification(DataClassification.PUBLIC);
    SecurityBaseline baseline =
        Fixtures.with(
            Fixtures.baseline(),
            "podSecurity",
            new PodSecurityLevels(PodSecurityLevel.restricted, null, null, null));

    assertThat(
            NamespaceDesired.desired(project, "open", Fixtures.baseline())
                .getMetadata()
                .getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "baseline");
    assertThat(NamespaceDesired.desired(project, "open", baseline).getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  private static ResearchProject withClassification(DataClassification classification) {
    return Fixtures.with(Fixtures.project("open", "open"), "dataClassification", classification);
  }
}
