package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListSet;

/** Where traffic to an exposure may come from. */
@ValidationRule(
    value =
        "(has(self.ingressController) && self.ingressController)"
            + " || (has(self.cidrs) && size(self.cidrs) > 0)"
            + " || (has(self.projects) && size(self.projects) > 0)",
    message = "name at least one source: ingressController, cidrs or projects")
public record ExposureSource(
    @JsonPropertyDescription(
            "Allow the platform's ingress controller (its namespace comes from the SecurityBaseline).")
        Boolean ingressController,
    @Size(max = 32)
        @ListSet
        @Items(maxLength = Patterns.CIDR_MAX_LENGTH, pattern = Patterns.CIDR)
        @JsonPropertyDescription("Address ranges (CIDR) allowed to connect.")
        List<String> cidrs,
    @Size(max = 32)
        @ListSet
        @Items(maxLength = Patterns.DNS_LABEL_MAX_LENGTH, pattern = Patterns.DNS_LABEL)
        @JsonPropertyDescription("Other ResearchProjects whose namespaces may connect.")
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
