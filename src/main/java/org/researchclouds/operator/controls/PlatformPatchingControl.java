package org.researchclouds.operator.controls;

import java.util.Optional;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.PatchingPolicy;

/**
 * Platform: apply updates and security patches to the cloud platform on a timely basis. The API
 * server runs one of the minor releases the baseline supports: the newest it names and the few
 * before it.
 */
public final class PlatformPatchingControl implements Control {
  @Override
  public String id() {
    return "platform/patching";
  }

  @Override
  public Owner owner() {
    return Owner.Platform;
  }

  @Override
  public Finding evaluate(Observation observation) {
    PatchingPolicy policy = observation.baseline().getSpec().patchingOrDefault();
    if (policy.newestKubernetesMinor() == null) {
      return Finding.unknown(
          "SupportWindowNotSet",
          "The baseline names no newest Kubernetes release; the platform team sets"
              + " spec.patching.newestKubernetesMinor, such as 1.33.");
    }
    Optional<String> running = observation.platform().serverMinor();
    if (running.isEmpty()) {
      return Finding.unknown(
          "ServerVersionUnknown",
          "The operator cannot tell which release the API server runs: "
              + observation.platform().serverVersionUnknown()
              + ".");
    }
    int newest = minor(policy.newestKubernetesMinor());
    int oldest = newest - policy.supportedMinorReleasesOrDefault() + 1;
    int actual = minor(running.get());
    String window = "1." + oldest + " to 1." + newest;
    if (!running.get().startsWith("1.") || actual < oldest) {
      return Finding.notMet(
          "UnsupportedVersion",
          "The API server runs Kubernetes "
              + running.get()
              + ", outside the supported releases "
              + window
              + "; the platform team upgrades the cluster.");
    }
    if (actual > newest) {
      return Finding.met(
          "SupportedVersion",
          "The API server runs Kubernetes "
              + running.get()
              + ", newer than the baseline's newest, 1."
              + newest
              + "; the platform team moves spec.patching.newestKubernetesMinor on.");
    }
    return Finding.met(
        "SupportedVersion",
        "The API server runs Kubernetes " + running.get() + ", within " + window + ".");
  }

  private static int minor(String release) {
    return Integer.parseInt(release.substring(release.indexOf('.') + 1));
  }
}
