package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Map;
import org.researchclouds.operator.resources.Names;

/**
 * Namespaces are shared with their tenants and the platform: the operator only adds its labels and
 * records whether it created the namespace or adopted one that existed.
 */
final class NamespaceKind implements OwnedKind<Namespace> {
  @Override
  public boolean upToDate(Namespace desired, Namespace actual) {
    Map<String, String> labels = Metadata.of(actual);
    return labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && !labels.containsKey(Names.ORPHANED_LABEL);
  }

  @Override
  public Namespace merged(Namespace desired, Namespace actual) {
    NamespaceBuilder merged =
        new NamespaceBuilder(actual)
            .editMetadata()
            .addToLabels(desired.getMetadata().getLabels())
            .removeFromLabels(Names.ORPHANED_LABEL)
            .removeFromAnnotations(Names.RELEASED_BY_ANNOTATION)
            // A hand-over is for one project: spent once taken, so that no later project of the
            // same name can take the namespace again by it.
            .removeFromAnnotations(Names.ADOPTABLE_BY_ANNOTATION)
            .endMetadata();
    if (!Metadata.annotations(actual).containsKey(Names.ORIGIN_ANNOTATION)) {
      merged
          .editMetadata()
          .addToAnnotations(Names.ORIGIN_ANNOTATION, Names.ORIGIN_ADOPTED)
          .endMetadata();
    }
    return merged.build();
  }

  @Override
  public Namespace forCreate(Namespace desired) {
    return new NamespaceBuilder(desired)
        .editMetadata()
        .addToAnnotations(Names.ORIGIN_ANNOTATION, Names.ORIGIN_CREATED)
        .endMetadata()
        .build();
  }
}
