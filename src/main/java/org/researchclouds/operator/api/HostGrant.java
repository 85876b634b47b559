package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListSet;

/** DNS suffixes one project may use for its Ingress hosts, besides the global ones. */
public record HostGrant(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("The ResearchProject.")
        String project,
    @Required
        @Size(min = 1, max = 16)
        @ListSet
        @Items(maxLength = Patterns.HOST_MAX_LENGTH, pattern = Patterns.HOST)
        @JsonPropertyDescription("Domains whose names it may use, such as genomics.example.org.")
        List<String> suffixes) {}
