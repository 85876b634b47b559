package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import org.researchclouds.operator.api.ResearchProject;

/**
 * The owner reference that ties a child to its project, so that Argo CD draws it in the project's
 * tree. Namespaces never get one: garbage collection would delete them, and the data in them, with
 * the project.
 */
final class OwnerReferences {
  private OwnerReferences() {}

  static OwnerReference of(ResearchProject project) {
    return new OwnerReferenceBuilder()
        .withApiVersion(project.getApiVersion())
        .withKind(project.getKind())
        .withName(project.getMetadata().getName())
        .withUid(project.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(false)
        .build();
  }
}
