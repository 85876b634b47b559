package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.Objects;

/** Null-safe reads of an object's labels and annotations, and the metadata the operator owns. */
final class Metadata {
  private Metadata() {}

  static Map<String, String> of(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  /** Whether {@code actual} carries the desired labels (others may add more) and owner. */
  static boolean carriesOwnedMetadata(HasMetadata desired, HasMetadata actual) {
    return of(actual).entrySet().containsAll(of(desired).entrySet())
        && Objects.equals(
            desired.getMetadata().getOwnerReferences(), actual.getMetadata().getOwnerReferences());
  }

  /** The actual metadata, with the desired labels added and the desired owner. */
  static ObjectMeta ownedMetadata(HasMetadata desired, HasMetadata actual) {
    return new ObjectMetaBuilder(actual.getMetadata())
        .addToLabels(desired.getMetadata().getLabels())
        .withOwnerReferences(desired.getMetadata().getOwnerReferences())
        .build();
  }

  static Map<String, String> annotations(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }
}
