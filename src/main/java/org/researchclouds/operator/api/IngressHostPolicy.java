package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.stream.Stream;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListMap;
import org.researchclouds.operator.api.schema.ListSet;

/**
 * The DNS names projects may route to themselves. A host is allowed when it is a suffix listed
 * here, globally or for the project, or a name under one. With no suffix listed anywhere, any host
 * is allowed; a host still belongs to one project only.
 */
public record IngressHostPolicy(
    @Size(max = 64)
        @ListSet
        @Items(maxLength = Patterns.HOST_MAX_LENGTH, pattern = Patterns.HOST)
        @JsonPropertyDescription(
            "Domains every project may use names under, such as apps.example.org.")
        List<String> allowedSuffixes,
    @Size(max = 512)
        @ListMap(keys = "project")
        @JsonPropertyDescription("Domains granted to one project each.")
        List<HostGrant> grants) {

  public List<String> allowedSuffixesOrEmpty() {
    return allowedSuffixes == null ? List.of() : allowedSuffixes;
  }

  public List<HostGrant> grantsOrEmpty() {
    return grants == null ? List.of() : grants;
  }

  /** The suffixes the project may use; empty when the platform restricts no host. */
  public List<String> suffixesFor(String project) {
    return Stream.concat(allowedSuffixesOrEmpty().stream(), grantedTo(project).stream()).toList();
  }

  /** The suffixes granted to this project alone. */
  public List<String> grantedTo(String project) {
    return grantsOrEmpty().stream()
        .filter(grant -> grant.project().equals(project))
        .flatMap(grant -> grant.suffixes().stream())
        .toList();
  }

  /** Whether any suffix is listed: then every host must fall under one. */
  public boolean restricts() {
    return !allowedSuffixesOrEmpty().isEmpty() || !grantsOrEmpty().isEmpty();
  }
}
