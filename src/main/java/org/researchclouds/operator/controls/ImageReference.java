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
    boolean registryNamed = first.contains(".") || first.contains(":") || first.equals("localhost");
    String registry = registryNamed ? first : DOCKER_HUB;
    String repository = registryNamed ? name.substring(slash + 1) : name;
    // Docker Hub keeps one-part names under library/, however its host is written.
    if (DOCKER_HUB_NAMES.contains(registry) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    return new ImageReference(registry, repository, tag, digest);
  }

  /** An untagged reference, or one on latest, names whatever was pushed last. */
  boolean mutable() {
    return digest.isEmpty() && (tag.isEmpty() || tag.equals("latest"));
  }

  /**
   * Whether a VulnerabilityReport's {@code report.artifact} and {@code report.registry} describe
   * this image: the same repository on the same registry, and the same digest, or, for a reference
   * without one, the same tag. The runtime pulls a reference with a digest by the digest alone,
   * whatever tag it also names.
   *
   * @param runningDigest the digest the runtime pulled, where a Pod's status says (else empty): a
   *     report that names another digest describes what the tag pointed to then, not what runs now
   */
  boolean describedBy(Map<?, ?> artifact, Map<?, ?> registry, String runningDigest) {
    if (artifact != null
        && !runningDigest.isEmpty()
        && artifact.get("digest") instanceof String scanned
        && !scanned.isEmpty()
        && !scanned.equals(runningDigest)) {
      return false;
    }
    if (artifact == null || !repository.equals(artifact.get("repository"))) {
      return false;
    }
    if (registry != null
        && registry.get("server") instanceof String server
        && !sameRegistry(server)) {
      return false;
    }
    return digest.isEmpty()
        ? !tag.isEmpty() && tag.equals(artifact.get("tag"))
        : digest.equals(artifact.get("digest"));
  }

  private boolean sameRegistry(String server) {
    return Objects.equals(server, registry)
        || (DOCKER_HUB_NAMES.contains(server) && DOCKER_HUB_NAMES.contains(registry));
  }
}
