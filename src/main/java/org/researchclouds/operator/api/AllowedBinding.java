package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A RoleBinding the platform accepts in project namespaces besides the operator's own. */
public record AllowedBinding(
    @Required @JsonPropertyDescription("Role or ClusterRole.") RoleKind roleKind,
    @Required @Size(min = 1, max = 253) @JsonPropertyDescription("Name of the role.")
        String roleName,
    @JsonPropertyDescription("User, Group or ServiceAccount; omit to accept any subject.")
        MemberKind subjectKind,
    @Size(max = 253) @JsonPropertyDescription("Name of the subject; omit to accept any.")
        String subjectName) {

  /** The kinds a RoleBinding's roleRef can name. */
  public enum RoleKind {
    Role,
    ClusterRole
  }
}
