package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What `kubectl get researchprojects` and dashboards show, as the CRD declares it. */
class KubectlViewTest {
  @Test
  void columnsReadReadinessThenResponsibilitiesThenAgeAndNoneIsNamedStatus() throws IOException {
    CustomResourceDefinition crd = crd("researchprojects");

    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Ready", "Reason", "Tenant", "Platform", "Shared", "Classification", "Age")
        .doesNotContain("Status");
    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .filteredOn(column -> column.getPriority() == 0)
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Ready", "Reason", "Tenant", "Platform", "Shared", "Age");
  }

  @Test
  void baselinesShowTheirValidityAndHowTheirProjectsFare() throws IOException {
    CustomResourceDefinition crd = crd("securitybaselines");

    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .filteredOn(column -> column.getPriority() == 0)
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly(
            "Valid", "Projects", "Tenant", "Platform", "Shared", "Enforcement", "Terms", "Age");
    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getJsonPath)
        .contains(".status.conditions[?(@.type==\"Valid\")].status", ".status.expiring[*].name");
    assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
  }

  @Test
  void shortNamesAndACategoryListBothKinds() throws IOException {
    assertThat(crd("researchprojects").getSpec().getNames().getShortNames()).contains("rp");
    assertThat(crd("researchprojects").getSpec().getNames().getCategories()).contains("research");
    assertThat(crd("securitybaselines").getSpec().getNames().getCategories()).contains("research");
  }

  @Test
  void kubectlWaitFindsReadyAsAConditionOfTheStatus() throws IOException {
    assertThat(
            crd("researchprojects")
                .getSpec()
                .getVersions()
                .get(0)
                .getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("status")
                .getProperties())
        .containsKeys("conditions", "observedGeneration");
    assertThat(crd("researchprojects").getSpec().getVersions().get(0).getSubresources().getStatus())
        .isNotNull();
  }

  private static CustomResourceDefinition crd(String plural) throws IOException {
    return Serialization.unmarshal(
        Files.readString(Path.of("crds", plural + ".researchclouds.org.yaml")),
        CustomResourceDefinition.class);
  }
}
