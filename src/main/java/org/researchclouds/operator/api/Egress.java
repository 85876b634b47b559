package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Outbound traffic the project needs beyond its own namespaces and DNS. */
@ValidationRule(
    value = "self.cidrs.all(c, c.matches('" + Patterns.CIDR + "'))",
    message = "each entry must be a CIDR such as 0.0.0.0/0 or 2001:db8::/32",
    fieldPath = ".cidrs")
public record Egress(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(min = 1, max = 40)
        @JsonPropertyDescription("Name of the egress rule; names its NetworkPolicy.")
        String name,
    @Required
        @Size(min = 1, max = 32)
        @JsonPropertyDescription("Destination address ranges (CIDR).")
        List<String> cidrs,
    @Required
        @Size(min = 1, max = 16)
        @JsonPropertyDescription(
            "Destination ports. Ports the SecurityBaseline blocks (outbound mail and the like)"
                + " stay blocked inside a range; list one by itself to open it.")
        List<PortSpec> ports) {}
