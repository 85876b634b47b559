package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.researchclouds.operator.api.PodSecurityLevel;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.velero.VeleroRestore;

/**
 * A restore drill: the newest completed backup restored into scratch namespaces that nothing can
 * reach, that reach nothing, and that grant the project's members nothing.
 */
public final class RestoreDrillDesired {
  static final List<String> DRILL_EXCLUDED =
      List.of(
          "roles.rbac.authorization.k8s.io",
          "rolebindings.rbac.authorization.k8s.io",
          "networkpolicies.networking.k8s.io");

  private RestoreDrillDesired() {}

  /**
   * @param heldNamespaces the namespaces the project holds by its UID: the drill restores those,
   *     whatever the spec lists
   */
  public static VeleroRestore restore(
      ResearchProject project,
      SecurityBaseline baseline,
      String backupName,
      String startedAt,
      List<String> heldNamespaces) {
    Map<String, String> mapping = new LinkedHashMap<>();
    heldNamespaces.forEach(ns -> mapping.put(ns, Names.drillNamespace(project, ns)));
    VeleroRestore restore = new VeleroRestore();
    restore.setMetadata(
        BackupScheduleDesired.veleroMetadata(
                project, baseline, Names.drillRestore(project, startedAt))
            .addToLabels(Names.DRILL_LABEL, "true")
            .withOwnerReferences(OwnerReferences.of(project))
            .build());
    restore.setSpec(
        Map.of(
            "backupName",
            backupName,
            "includedNamespaces",
            heldNamespaces,
            "namespaceMapping",
            mapping,
            // A drill proves the data comes back; access and network rules of the past must
            // not: the scratch namespaces get a deny-all and no member at all.
            "excludedResources",
            DRILL_EXCLUDED,
            "restorePVs",
            true));
    return restore;
  }

  public static Namespace scratchNamespace(
      ResearchProject project, String namespace, String restoreName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Names.MANAGED_BY_LABEL, Names.MANAGER);
    labels.put(Names.DRILL_OF_LABEL, project.getMetadata().getUid());
    labels.putAll(NamespaceDesired.podSecurityLabels(PodSecurityLevel.restricted));
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(Names.drillNamespace(project, namespace))
        .withLabels(labels)
        .addToAnnotations(Names.DRILL_RESTORE_ANNOTATION, restoreName)
        .endMetadata()
        .build();
  }

  public static NetworkPolicy denyAll(ResearchProject project, String scratchNamespace) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(Names.DEFAULT_DENY_POLICY)
        .withNamespace(scratchNamespace)
        .addToLabels(Names.MANAGED_BY_LABEL, Names.MANAGER)
        .addToLabels(Names.DRILL_OF_LABEL, project.getMetadata().getUid())
        .endMetadata()
        .withNewSpec()
        .withPodSelector(new LabelSelector())
        .withPolicyTypes("Ingress", "Egress")
        .endSpec()
        .build();
  }
}
