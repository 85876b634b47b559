package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListMap;
import org.researchclouds.operator.api.schema.ListSet;

/** Outbound traffic the project needs beyond its own namespaces and DNS. */
public record Egress(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(min = 1, max = 40)
        @JsonPropertyDescription("Name of the egress rule; names its NetworkPolicy.")
        String name,
    @Required
        @Size(min = 1, max = 32)
        @ListSet
        @Items(maxLength = Patterns.CIDR_MAX_LENGTH, pattern = Patterns.CIDR)
        @JsonPropertyDescription("Destination address ranges (CIDR).")
        List<String> cidrs,
    @Required
        @Size(min = 1, max = 16)
        @ListMap(keys = {"port", "protocol"})
        @JsonPropertyDescription(
            "Destination ports. Ports the SecurityBaseline blocks (outbound mail and the like)"
                + " stay blocked inside a range; list one by itself to open it.")
        List<PortSpec> ports) {}
