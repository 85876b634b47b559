package org.researchclouds.operator.controls;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A container image as the registry knows it, read the way the container runtime reads the
 * reference: a first part with a dot, a colon or {@code localhost} is the registry, else Docker
 * Hub, whose one-part names live under {@code library/}.
 *
 * @param tag empty when the reference has none
 * @param digest empty when the reference has none
 */
record ImageReference(String registry, String repository, String tag, String digest) {
  private static final String DOCKER_HUB = "index.docker.io";
  private static final Set<String> DOCKER_HUB_NAMES =
      Set.of(DOCKER_HUB, "docker.io", "registry-1.docker.io");

  static ImageReference parse(String image) {
    String name = image;
    String digest = "";
    int at = name.indexOf('@');
    if (at >= 0) {
      digest = name.substring(at + 1);
      name = name.substring(0, at);
    }
    String tag = "";
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = name.substring(colon + 1);
      name = name.substring(0, colon);
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
      return new ImageReference(first, name.substring(slash + 1), tag, digest);
    }
    return new ImageReference(DOCKER_HUB, slash < 0 ? "library/" + name : name, tag, digest);
  }

  /** An untagged reference, or one on latest, names whatever was pushed last. */
  boolean mutable() {
    return digest.isEmpty() && (tag.isEmpty() || tag.equals("latest"));
  }

  /**
   * Whether a VulnerabilityReport's {@code report.artifact} and {@code report.registry} describe
   * this image: the same repository on the same registry, and the same digest or tag.
   */
  boolean describedBy(Map<?, ?> artifact, Map<?, ?> registry) {
    if (artifact == null || !repository.equals(artifact.get("repository"))) {
      return false;
    }
    if (registry != null
        && registry.get("server") instanceof String server
        && !sameRegistry(server)) {
      return false;
    }
    return (!digest.isEmpty() && digest.equals(artifact.get("digest")))
        || (!tag.isEmpty() && tag.equals(artifact.get("tag")));
  }

  private boolean sameRegistry(String server) {
    return Objects.equals(server, registry)
        || (DOCKER_HUB_NAMES.contains(server) && DOCKER_HUB_NAMES.contains(registry));
  }
}
