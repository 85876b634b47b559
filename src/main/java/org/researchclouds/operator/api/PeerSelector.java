package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;
import org.researchclouds.operator.api.schema.Items;

/** Pods of the platform in a given namespace, such as the cluster DNS or the ingress controller. */
public record PeerSelector(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("Namespace of the pods.")
        String namespace,
    @Size(max = Patterns.SELECTOR_MAX_LABELS)
        @Items(maxLength = Patterns.LABEL_VALUE_MAX_LENGTH, pattern = Patterns.LABEL_VALUE)
        @JsonPropertyDescription("Labels of the pods; empty means every pod of the namespace.")
        Map<String, String> podSelector) {

  public Map<String, String> podSelectorOrEmpty() {
    return podSelector == null ? Map.of() : podSelector;
  }
}
