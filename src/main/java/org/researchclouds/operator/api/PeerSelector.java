package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** Pods of the platform in a given namespace, such as the cluster DNS or the ingress controller. */
public record PeerSelector(
    @Required @Pattern(Patterns.DNS_LABEL) @JsonPropertyDescription("Namespace of the pods.")
        String namespace,
    @JsonPropertyDescription("Labels of the pods; empty means every pod of the namespace.")
        Map<String, String> podSelector) {

  public Map<String, String> podSelectorOrEmpty() {
    return podSelector == null ? Map.of() : podSelector;
  }
}
