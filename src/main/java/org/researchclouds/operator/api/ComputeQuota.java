package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;
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

  /** One field, its value, and the ResourceQuota resources it bounds. */
  private record Field(String name, Object value, List<String> resources) {}

  /**
   * The fields in order. Memory bounds both requests and limits, so that no pod escapes the quota
   * by requesting little and using much.
   */
  private List<Field> fields() {
    return List.of(
        new Field("cpu", cpu, List.of("requests.cpu")),
        new Field("memory", memory, List.of("requests.memory", "limits.memory")),
        new Field("gpus", gpus, List.of("requests.nvidia.com/gpu")),
        new Field("storage", storage, List.of("requests.storage")),
        new Field(
            "persistentVolumeClaims", persistentVolumeClaims, List.of("persistentvolumeclaims")),
        new Field("loadBalancers", loadBalancers, List.of("services.loadbalancers")),
        new Field("nodePorts", nodePorts, List.of("services.nodeports")));
  }

  /** The ResourceQuota's hard limits, by resource name, for the fields that are set. */
  public Map<String, Quantity> hard() {
    Map<String, Quantity> hard = new LinkedHashMap<>();
    for (Field field : fields()) {
      if (field.value() != null) {
        field.resources().forEach(resource -> hard.put(resource, quantity(field.value())));
      }
    }
    return hard;
  }

  /** The fields that ask for more than {@code ceiling} allows, each with both values. */
  public List<String> beyond(ComputeQuota ceiling) {
    List<String> beyond = new ArrayList<>();
    List<Field> allowed = ceiling.fields();
    List<Field> asked = fields();
    for (int i = 0; i < asked.size(); i++) {
      Object value = asked.get(i).value();
      Object limit = allowed.get(i).value();
      if (value != null
          && limit != null
          && quantity(value).getNumericalAmount().compareTo(quantity(limit).getNumericalAmount())
              > 0) {
        beyond.add(asked.get(i).name() + " " + value + " (ceiling " + limit + ")");
      }
    }
    return beyond;
  }

  private static Quantity quantity(Object value) {
    return new Quantity(String.valueOf(value));
  }
}
