package org.researchclouds.operator.dependents;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** Null-safe reads of an object's labels and annotations. */
final class Labels {
  private Labels() {}

  static Map<String, String> of(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  static Map<String, String> annotations(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }
}
