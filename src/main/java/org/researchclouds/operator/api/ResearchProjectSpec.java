package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListSet;

/**
 * What a research team declares about its project. Rules on list items stand on the class, with a
 * field path: on a record component they would be emitted twice.
 */
@ValidationRule(
    value =
        "!has(self.namespaces) || self.namespaces.all(n, n != 'default' && !n.startsWith('kube-'))",
    message = "default and kube-* namespaces belong to the platform",
    fieldPath = ".namespaces")
@ValidationRule(
    value =
        "{'public': 0, 'internal': 1, 'sensitive': 2, 'restricted': 3}[self.dataClassification]"
            + " >= {'public': 0, 'internal': 1, 'sensitive': 2, 'restricted': 3}"
            + "[oldSelf.dataClassification]",
    message =
        "dataClassification may only be raised: lowering it would lower the project's floors;"
            + " the platform team re-creates the project to lower it",
    fieldPath = ".dataClassification")
public record ResearchProjectSpec(
    @Size(max = 20)
        @ListSet
        @Items(maxLength = 63, pattern = Patterns.DNS_LABEL)
        @JsonPropertyDescription(
            "Namespaces of the project. Default: one namespace named after the project.")
        List<String> namespaces,
    @Size(max = 100) @JsonPropertyDescription("Human-readable name of the project.")
        String displayName,
    @Required @JsonPropertyDescription("Who answers for the project.") Contacts contacts,
    @Required
        @JsonPropertyDescription(
            "public, internal, sensitive or restricted: drives the floors the baseline applies.")
        DataClassification dataClassification,
    @Size(max = 200)
        @JsonPropertyDescription("People, groups and service accounts with a role in the project.")
        List<Member> members,
    @JsonPropertyDescription("Declared exposures and egress; all other traffic is denied.")
        NetworkSpec network,
    @JsonPropertyDescription("The project's acceptance of the terms of use.") Compliance compliance,
    @JsonPropertyDescription("Backups with Velero and restore tests.") BackupSpec backup,
    @Default("Retain")
        @JsonPropertyDescription(
            "Retain (default): namespaces and data stay when the project is deleted. Delete:"
                + " namespaces the operator created are deleted with it.")
        DeletionPolicy deletionPolicy,
    @JsonPropertyDescription(
            "Compute for each namespace beyond the classification's quota, up to the ceiling the"
                + " platform grants; a field left out keeps the quota's value.")
        ComputeQuota resources) {

  /** The quota of each namespace: what the project asks for over its classification's quota. */
  public ComputeQuota quotaOver(ComputeQuota classificationQuota) {
    return resources == null ? classificationQuota : resources.over(classificationQuota);
  }

  public NetworkSpec networkOrEmpty() {
    return network == null ? new NetworkSpec(List.of(), List.of()) : network;
  }

  public List<Member> membersOrEmpty() {
    return members == null ? List.of() : members;
  }

  public BackupSpec backupOrDefault() {
    return backup == null ? new BackupSpec(null, null, null, null, null, null) : backup;
  }

  public DeletionPolicy deletionPolicyOrDefault() {
    return deletionPolicy == null ? DeletionPolicy.Retain : deletionPolicy;
  }
}
