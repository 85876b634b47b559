package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compute for each namespace of a project, as a ResourceQuota enforces it: a quota, a request or a
 * ceiling. A field left out takes the value of the layer below.
 */
public record ComputeQuota(
    @Pattern(Patterns.QUANTITY)
        @Size(max = Patterns.QUANTITY_MAX_LENGTH)
        @JsonPropertyDescription("CPU requested by all pods, such as 16 or 500m.")
        String cpu,
    @Pattern(Patterns.QUANTITY)
        @Size(max = Patterns.QUANTITY_MAX_LENGTH)
        @JsonPropertyDescription("Memory requested, and limited, by all pods, such as 64Gi.")
        String memory,
    @Pattern(Patterns.QUANTITY)
        @Size(max = Patterns.QUANTITY_MAX_LENGTH)
        @JsonPropertyDescription("GPUs requested (requests.nvidia.com/gpu).")
        String gpus,
    @Pattern(Patterns.QUANTITY)
        @Size(max = Patterns.QUANTITY_MAX_LENGTH)
        @JsonPropertyDescription("Storage requested by all PersistentVolumeClaims, such as 1Ti.")
        String storage,
    @Min(0) @Max(10000) @JsonPropertyDescription("PersistentVolumeClaims.")
        Integer persistentVolumeClaims,
    @Min(0) @Max(1000) @JsonPropertyDescription("Services of type LoadBalancer.")
        Integer loadBalancers,
    @Min(0) @Max(1000) @JsonPropertyDescription("Services of type NodePort.") Integer nodePorts) {

  /** Each field from this one where it is set, else from {@code below}. */
  public ComputeQuota over(ComputeQuota below) {
    if (below == null) {
      return this;
    }
    return new ComputeQuota(
        cpu == null ? below.cpu : cpu,
        memory == null ? below.memory : memory,
        gpus == null ? below.gpus : gpus,
        storage == null ? below.storage : storage,
        persistentVolumeClaims == null ? below.persistentVolumeClaims : persistentVolumeClaims,
        loadBalancers == null ? below.loadBalancers : loadBalancers,
        nodePorts == null ? below.nodePorts : nodePorts);
  }

  /**
   * The ResourceQuota's hard limits, by resource name. Memory bounds both requests and limits, so
   * that no pod escapes the quota by requesting little and using much.
   */
  public Map<String, Quantity> hard() {
    Map<String, Quantity> hard = new LinkedHashMap<>();
    put(hard, "requests.cpu", cpu);
    put(hard, "requests.memory", memory);
    put(hard, "limits.memory", memory);
    put(hard, "requests.nvidia.com/gpu", gpus);
    put(hard, "requests.storage", storage);
    put(hard, "persistentvolumeclaims", persistentVolumeClaims);
    put(hard, "services.loadbalancers", loadBalancers);
    put(hard, "services.nodeports", nodePorts);
    return hard;
  }

  /** The fields that ask for more than {@code ceiling} allows, each with both values. */
  public List<String> beyond(ComputeQuota ceiling) {
    List<String> beyond = new ArrayList<>();
    Map<String, Quantity> asked = fields();
    Map<String, Quantity> allowed = ceiling.fields();
    asked.forEach(
        (field, value) -> {
          Quantity limit = allowed.get(field);
          if (limit != null && amount(value).compareTo(amount(limit)) > 0) {
            beyond.add(field + " " + value + " (ceiling " + limit + ")");
          }
        });
    return beyond;
  }

  private Map<String, Quantity> fields() {
    Map<String, Quantity> fields = new LinkedHashMap<>();
    put(fields, "cpu", cpu);
    put(fields, "memory", memory);
    put(fields, "gpus", gpus);
    put(fields, "storage", storage);
    put(fields, "persistentVolumeClaims", persistentVolumeClaims);
    put(fields, "loadBalancers", loadBalancers);
    put(fields, "nodePorts", nodePorts);
    return fields;
  }

  private static void put(Map<String, Quantity> map, String key, Object value) {
    if (value != null) {
      map.put(key, new Quantity(String.valueOf(value)));
    }
  }

  private static BigDecimal amount(Quantity quantity) {
    return quantity.getNumericalAmount();
  }
}
