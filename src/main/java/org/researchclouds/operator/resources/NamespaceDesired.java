package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.researchclouds.operator.api.PodSecurityLevel;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/** The labels a project namespace must carry: who owns it and the Pod Security it enforces. */
public final class NamespaceDesired {
  private static final String[] POD_SECURITY_MODES = {"enforce", "audit", "warn"};

  private NamespaceDesired() {}

  public static Namespace desired(ResearchProject project, String name, SecurityBaseline baseline) {
    Map<String, String> labels = new LinkedHashMap<>(Names.managedLabels(project));
    labels.put(Names.CLASSIFICATION_LABEL, project.getSpec().dataClassification().value());
    labels.putAll(podSecurityLabels(requiredLevel(project, baseline)));
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  public static PodSecurityLevel requiredLevel(ResearchProject project, SecurityBaseline baseline) {
    return baseline
        .getSpec()
        .podSecurityOrDefault()
        .levelFor(project.getSpec().dataClassification());
  }

  /** The Pod Security Admission labels; the level holds for enforce, audit and warn alike. */
  public static Map<String, String> podSecurityLabels(PodSecurityLevel level) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String mode : POD_SECURITY_MODES) {
      labels.put(Names.POD_SECURITY_PREFIX + mode, level.name());
      labels.put(Names.POD_SECURITY_PREFIX + mode + "-version", "latest");
    }
    return labels;
  }

  public static String enforcedLevelLabel() {
    return Names.POD_SECURITY_PREFIX + "enforce";
  }
}
