package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Where traffic to an exposure may come from. */
@ValidationRule(
    value =
        "(has(self.ingressController) && self.ingressController)"
            + " || (has(self.cidrs) && size(self.cidrs) > 0)"
            + " || (has(self.projects) && size(self.projects) > 0)",
    message = "name at least one source: ingressController, cidrs or projects")
@ValidationRule(
    value = "!has(self.cidrs) || self.cidrs.all(c, c.matches('" + Patterns.CIDR + "'))",
    message = "each entry must be a CIDR such as 192.0.2.0/24",
    fieldPath = ".cidrs")
@ValidationRule(
    value =
        "!has(self.projects) || self.projects.all(p, p.matches('"
            + Patterns.DNS_LABEL
            + "') && size(p) <= 63)",
    message = "each entry must be a ResearchProject name",
    fieldPath = ".projects")
public record ExposureSource(
    @JsonPropertyDescription(
            "Allow the platform's ingress controller (its namespace comes from the SecurityBaseline).")
        Boolean ingressController,
    @Size(max = 32) @JsonPropertyDescription("Address ranges (CIDR) allowed to connect.")
        List<String> cidrs,
    @Size(max = 32) @JsonPropertyDescription("Other ResearchProjects whose namespaces may connect.")
        List<String> projects) {

  public boolean fromIngressController() {
    return Boolean.TRUE.equals(ingressController);
  }

  public List<String> cidrsOrEmpty() {
    return cidrs == null ? List.of() : cidrs;
  }

  public List<String> projectsOrEmpty() {
    return projects == null ? List.of() : projects;
  }
}
