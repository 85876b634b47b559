package org.researchclouds.operator.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/** Fills an empty API server: our CRDs, then a baseline and projects from YAML files. */
public final class ClusterSeed {
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          HasMetadata.getKind(SecurityBaseline.class), SecurityBaseline.class,
          HasMetadata.getKind(ResearchProject.class), ResearchProject.class);

  private ClusterSeed() {}

  /** Creates our CRDs, as generated into the jar, unless the server has them already. */
  public static void installCrds(KubernetesClient client) {
    for (Class<? extends HasMetadata> type :
        List.of(ResearchProject.class, SecurityBaseline.class)) {
      String resource = "/META-INF/fabric8/" + HasMetadata.getFullResourceName(type) + "-v1.yml";
      try (InputStream crd = ClusterSeed.class.getResourceAsStream(resource)) {
        if (crd == null) {
          throw new IllegalStateException(resource + " is missing: build with `make build`");
        }
        CustomResourceDefinition definition =
            client.apiextensions().v1().customResourceDefinitions().load(crd).item();
        if (client.resource(definition).get() == null) {
          client.resource(definition).create();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The SecurityBaselines and ResearchProjects in the given YAML files, read and checked before any
   * is created, so that a bad file leaves the server untouched.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static List<HasMetadata> read(List<Path> files) {
    List<HasMetadata> objects = new ArrayList<>();
    for (Path file : files) {
      String yaml;
      try {
        yaml = Files.readString(file);
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
      }
      for (String document : yaml.split("(?m)^---\\s*$")) {
        if (!document.isBlank()) {
          objects.add(parse(file, document));
        }
      }
    }
    return objects;
  }

  /** The YAML files of an examples folder: the folder's own and those of its projects/ folder. */
  public static List<Path> exampleFiles(Path examples) {
    try (Stream<Path> top = Files.list(examples);
        Stream<Path> projects =
            Files.isDirectory(examples.resolve("projects"))
                ? Files.list(examples.resolve("projects"))
                : Stream.empty()) {
      return Stream.concat(top, projects)
          .filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          examples + ": not a readable folder of examples (" + e.getMessage() + ")", e);
    }
  }

  /** Creates the objects, baselines first so that no project is judged without its floors. */
  public static void create(KubernetesClient client, List<HasMetadata> objects) {
    objects.stream()
        .sorted(
            (a, b) -> Boolean.compare(a instanceof ResearchProject, b instanceof ResearchProject))
        .forEach(object -> client.resource(object).create());
  }

  private static HasMetadata parse(Path file, String document) {
    Map<?, ?> raw;
    try {
      raw = Serialization.unmarshal(document, Map.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not valid YAML (" + e.getMessage() + ")", e);
    }
    Object kind = raw == null ? null : raw.get("kind");
    Class<? extends HasMetadata> type = KINDS.get(String.valueOf(kind));
    if (type == null) {
      throw new IllegalArgumentException(
          file + ": kind " + kind + " is neither a SecurityBaseline nor a ResearchProject");
    }
    try {
      return Serialization.unmarshal(document, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          file + ": not a valid " + kind + " (" + e.getMessage() + ")", e);
    }
  }
}
