package org.researchclouds.operator.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The platform team's floors, defaults and attestations; usually one, named {@code default}.
 * Cluster-scoped and out of the research teams' reach.
 */
@Group(ResearchProject.GROUP)
@Version(ResearchProject.VERSION)
// Named rather than derived, as ResearchProject is.
@Plural("securitybaselines")
@ShortNames({"sbl"})
@Categories({"research"})
@AdditionalPrinterColumn(
    name = "Valid",
    jsonPath = ".status.conditions[?(@.type==\"Valid\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Projects",
    jsonPath = ".status.projects",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Tenant",
    jsonPath = ".status.tenant",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Platform",
    jsonPath = ".status.platform",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Shared",
    jsonPath = ".status.shared",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Expiring",
    jsonPath = ".status.expiring[*].name",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
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
public class SecurityBaseline
    extends LenientResource<SecurityBaselineSpec, SecurityBaselineStatus> {

  static final class Reader
      extends LenientReader<SecurityBaseline, SecurityBaselineSpec, SecurityBaselineStatus> {
    Reader() {
      super(
          SecurityBaseline.class,
          SecurityBaseline::new,
          SecurityBaselineSpec.class,
          SecurityBaselineStatus.class);
    }
  }
}
