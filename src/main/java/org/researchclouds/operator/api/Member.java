package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A person, group or service account of the project, and its role. */
@ValidationRule(
    value = "self.kind == 'ServiceAccount' ? has(self.namespace) : !has(self.namespace)",
    message = "namespace is required for a ServiceAccount and only for it")
@ValidationRule(
    value = "self.kind != 'ServiceAccount' || self.role != 'maintainer'",
    message =
        "a ServiceAccount may be a viewer or developer, never a maintainer: developers can run"
            + " pods as it")
public record Member(
    @Required @JsonPropertyDescription("User, Group or ServiceAccount.") MemberKind kind,
    @Required
        @Size(min = 1, max = 253)
        @JsonPropertyDescription("Name of the user, group or service account.")
        String name,
    @Pattern(Patterns.DNS_LABEL)
        @Size(max = 63)
        @JsonPropertyDescription("Namespace of a ServiceAccount: one of the project's own.")
        String namespace,
    @Required @JsonPropertyDescription("viewer, developer or maintainer.") ProjectRole role) {}
