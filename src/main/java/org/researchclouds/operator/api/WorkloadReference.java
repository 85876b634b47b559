package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A platform workload the operator can see running, such as an audit log shipper. */
public record WorkloadReference(
    @Required @JsonPropertyDescription("DaemonSet or Deployment.") WorkloadKind kind,
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("Its namespace.")
        String namespace,
    @Required
        @Pattern(Patterns.DNS_LABEL)
        @Size(max = Patterns.DNS_LABEL_MAX_LENGTH)
        @JsonPropertyDescription("Its name.")
        String name) {

  /** The kinds of workload whose readiness the operator reads. */
  public enum WorkloadKind {
    DaemonSet,
    Deployment
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
