package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.List;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.PodSecurityLevel;
import org.researchclouds.operator.resources.NamespaceDesired;

/**
 * Tenant: protect the confidentiality, integrity and availability of research data. Every project
 * namespace must enforce the Pod Security level that the baseline sets for its classification.
 */
public final class DataProtectionControl implements Control {
  @Override
  public String id() {
    return "tenant/data-protection";
  }

  @Override
  public Owner owner() {
    return Owner.Tenant;
  }

  @Override
  public Finding evaluate(Observation observation) {
    PodSecurityLevel required =
        NamespaceDesired.requiredLevel(observation.project(), observation.baseline());
    List<Finding> gaps = new ArrayList<>(observation.missingNamespaces());
    for (String name : observation.presentNamespaces()) {
      String enforced = enforcedLevel(observation.namespaces().get(name));
      if (!enforces(enforced, required)) {
        gaps.add(
            Finding.notMet(
                "PodSecurityNotEnforced",
                "Namespace "
                    + name
                    + " enforces Pod Security '"
                    + (enforced == null ? "none" : enforced)
                    + "' where '"
                    + required
                    + "' is required; the operator restores the label, so look for whoever"
                    + " removes it."));
      }
    }
    return Finding.fromGaps(
        gaps,
        Finding.met(
            "PodSecurityEnforced",
            "Pod Security '"
                + required
                + "' is enforced on "
                + observation.project().namespaceNames()
                + "."));
  }

  private static String enforcedLevel(Namespace namespace) {
    var labels = namespace.getMetadata().getLabels();
    return labels == null ? null : labels.get(NamespaceDesired.enforcedLevelLabel());
  }

  private static boolean enforces(String enforced, PodSecurityLevel required) {
    for (PodSecurityLevel level : PodSecurityLevel.values()) {
      if (level.name().equals(enforced)) {
        return level.atLeast(required);
      }
    }
    return false;
  }
}
