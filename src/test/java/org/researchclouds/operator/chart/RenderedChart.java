package org.researchclouds.operator.chart;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The chart rendered by real Helm ({@code helm template}), as objects to assert on. */
final class RenderedChart {
  static final Path CHART = Path.of("helm", "researchproject-operator");
  static final String RELEASE = "rp";
  static final String NAMESPACE = "researchproject-operator";
  static final String FULL_NAME = "rp-researchproject-operator";
  static final String KUBERNETES = "1.33.0";

  private final List<GenericKubernetesResource> objects;

  private RenderedChart(List<GenericKubernetesResource> objects) {
    this.objects = objects;
  }

  /** Renders with the chart's values overlaid by {@code values} (a values file, as users pass). */
  static RenderedChart render(Map<String, ?> values) {
    try {
      Path file = Files.createTempFile("values", ".yaml");
      try {
        Files.writeString(file, Serialization.asYaml(values));
        String manifest =
            new Helm(CHART)
                .template()
                // The Kubernetes the official schemas of ../shared/schemas describe.
                .withKubeVersion(KUBERNETES)
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withValuesFile(file)
                .call();
        return new RenderedChart(
            Arrays.stream(manifest.split("(?m)^---\\s*$"))
                .filter(doc -> !doc.isBlank())
                .map(doc -> Serialization.unmarshal(doc, GenericKubernetesResource.class))
                .filter(Objects::nonNull)
                .toList());
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<GenericKubernetesResource> all() {
    return objects;
  }

  List<GenericKubernetesResource> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
  }

  Optional<GenericKubernetesResource> find(String kind, String name) {
    return ofKind(kind).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
  }

  /** The objects of a kind, typed. */
  <T> List<T> ofKind(String kind, Class<T> type) {
    return ofKind(kind).stream().map(object -> typed(object, type)).toList();
  }

  /** The object, typed, or a failed assertion naming what is missing. */
  <T> T get(String kind, String name, Class<T> type) {
    return typed(
        find(kind, name).orElseThrow(() -> new AssertionError(kind + " " + name + " not rendered")),
        type);
  }

  private static <T> T typed(GenericKubernetesResource object, Class<T> type) {
    return Serialization.unmarshal(Serialization.asJson(object), type);
  }
}
