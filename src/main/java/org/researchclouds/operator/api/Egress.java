package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListMap;
import org.researchclouds.operator.api.schema.ListSet;

/** Outbound traffic the project needs beyond its own namespaces and DNS. */
@ValidationRule(
    value = "has(self.cidrs) != has(self.projects)",
    message = "name either cidrs or projects as the destination, not both")
public record Egress(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(min = 1, max = 40)
        @JsonPropertyDescription("Name of the egress rule; names its NetworkPolicy.")
        String name,
    @Size(min = 1, max = 32)
        @ListSet
        @Items(maxLength = Patterns.CIDR_MAX_LENGTH, pattern = Patterns.CIDR)
        @JsonPropertyDescription("Destination address ranges (CIDR).")
        List<String> cidrs,
    @Size(min = 1, max = 32)
        @ListSet
        @Items(maxLength = Patterns.DNS_LABEL_MAX_LENGTH, pattern = Patterns.DNS_LABEL)
        @JsonPropertyDescription(
            "Other ResearchProjects to connect to. Traffic flows only where such a project also"
                + " exposes the port to this one.")
        List<String> projects,
    @Required
        @Size(min = 1, max = 16)
        @ListMap(keys = {"port", "protocol"})
        @JsonPropertyDescription(
            "Destination ports. Ports the SecurityBaseline blocks (outbound mail and the like) open"
                + " only when the SecurityBaseline grants them to the project.")
        List<PortSpec> ports) {

  public List<String> cidrsOrEmpty() {
    return cidrs == null ? List.of() : cidrs;
  }

  public List<String> projectsOrEmpty() {
    return projects == null ? List.of() : projects;
  }
}
