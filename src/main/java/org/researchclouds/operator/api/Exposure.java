package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListMap;
import org.researchclouds.operator.api.schema.ListSet;

/** A service of the project that may be reached from outside its namespaces. */
@ValidationRule(
    value = "self.serviceType == 'ClusterIP' || has(self.service)",
    message = "a NodePort or LoadBalancer exposure must name its service")
public record Exposure(
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(min = 1, max = 40)
        @JsonPropertyDescription("Name of the exposure; names its NetworkPolicy.")
        String name,
    @Size(max = Patterns.SELECTOR_MAX_LABELS)
        @Items(maxLength = Patterns.LABEL_VALUE_MAX_LENGTH, pattern = Patterns.LABEL_VALUE)
        @JsonPropertyDescription(
            "Labels of the pods that receive the traffic; empty means every pod.")
        Map<String, String> podSelector,
    @Required
        @Size(min = 1, max = 16)
        @ListMap(keys = {"port", "protocol"})
        @JsonPropertyDescription("Ports the pods receive on.")
        List<PortSpec> ports,
    @Required @JsonPropertyDescription("Where the traffic may come from.") ExposureSource from,
    @Pattern(Patterns.DNS_LABEL)
        @Size(max = 63)
        @JsonPropertyDescription("The Service that exposes these pods, when it is not ClusterIP.")
        String service,
    @io.fabric8.generator.annotation.Default("ClusterIP")
        @JsonPropertyDescription(
            "ClusterIP (default), NodePort or LoadBalancer: the type the named service may have.")
        ServiceType serviceType,
    @Size(max = 16)
        @ListSet
        @Items(maxLength = Patterns.HOST_MAX_LENGTH, pattern = Patterns.HOST)
        @JsonPropertyDescription("Ingress hosts that may route to this exposure.")
        List<String> hosts) {

  public Map<String, String> podSelectorOrEmpty() {
    return podSelector == null ? Map.of() : podSelector;
  }

  public ServiceType serviceTypeOrDefault() {
    return serviceType == null ? ServiceType.ClusterIP : serviceType;
  }

  public List<String> hostsOrEmpty() {
    return hosts == null ? List.of() : hosts;
  }
}
