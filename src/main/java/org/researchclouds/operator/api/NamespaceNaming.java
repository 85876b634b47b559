package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import org.researchclouds.operator.api.schema.ListMap;

/**
 * Which namespace names projects may claim. By default a project claims only its own name or its
 * name with a suffix, so that no project can take a name the platform means to use later (velero,
 * argocd) before the platform installs it; other names need the platform's grant.
 */
public record NamespaceNaming(
    @JsonPropertyDescription(
            "Projects may claim only <project> and <project>-<suffix> (default true); false lets"
                + " them claim any name that is free and not protected.")
        Boolean projectPrefix,
    @Size(max = 256)
        @ListMap(keys = "namespace")
        @JsonPropertyDescription("Names granted to one project besides its own.")
        List<NamespaceGrant> grants) {

  public boolean projectPrefixOrDefault() {
    return projectPrefix == null || projectPrefix;
  }

  public List<NamespaceGrant> grantsOrEmpty() {
    return grants == null ? List.of() : grants;
  }
}
