package org.researchclouds.operator.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The platform team's floors, defaults and attestations; usually one, named {@code default}.
 * Cluster-scoped and out of the research teams' reach.
 */
@Group(ResearchProject.GROUP)
@Version(ResearchProject.VERSION)
@ShortNames({"sbl"})
@Categories({"research"})
@AdditionalPrinterColumn(
    name = "Enforcement",
    jsonPath = ".spec.enforcementMode",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Terms",
    jsonPath = ".spec.termsOfUse.version",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@JsonDeserialize(using = SecurityBaseline.Reader.class)
public class SecurityBaseline extends LenientResource<SecurityBaselineSpec, Void> {

  static final class Reader extends LenientReader<SecurityBaseline, SecurityBaselineSpec, Void> {
    Reader() {
      super(SecurityBaseline.class, SecurityBaseline::new, SecurityBaselineSpec.class, Void.class);
    }
  }
}
