package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.resources.Names;

/**
 * Lets go of a project namespace without losing anything: the namespace, its data and its guard
 * rails stay; the policies, the quota and the container defaults lose their owner reference so that
 * garbage collection leaves them when the project goes. The members' access goes, and so do the
 * project's labels, so that the namespace no longer counts as the project's anywhere (its traffic
 * rules, others' exposures, a project created later under the same name). It is labelled orphaned,
 * and only the same project, by its UID, can take it back; anyone else needs the platform to hand
 * it over.
 */
public final class NamespaceRelease {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final ObjectWriter writer;

  public NamespaceRelease(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  public void orphan(ResearchProject project, Namespace namespace, ClusterView view) {
    String name = namespace.getMetadata().getName();
    keep(project, view.policies(name), view.policyCache());
    keep(project, view.quotas(name), view.quotaCache());
    keep(project, view.limitRanges(name), view.limitRangeCache());
    for (RoleBinding binding : view.roleBindings(name)) {
      if (Names.managedBy(binding, project)) {
        writer.delete(project, binding, "Revoked", "the project released the namespace");
      }
    }
    if (Names.heldBy(namespace, project)) {
      writer.update(
          project,
          new NamespaceBuilder(namespace)
              .editMetadata()
              .removeFromLabels(Names.PROJECT_LABEL)
              .removeFromLabels(Names.PROJECT_UID_LABEL)
              .addToLabels(Names.ORPHANED_LABEL, "true")
              .addToAnnotations(Names.RELEASED_BY_ANNOTATION, project.getMetadata().getUid())
              .removeFromAnnotations(Names.ADOPTABLE_BY_ANNOTATION)
              .endMetadata()
              .build(),
          view.namespaceCache(),
          "Orphaned",
          "released by the project; the namespace and its data are kept");
    }
  }

  /** The project's own guard rails in a released namespace stay, without an owner. */
  private <R extends HasMetadata> void keep(
      ResearchProject project, List<R> objects, InformerEventSource<R, ResearchProject> cache) {
    for (R object : objects) {
      if (Names.managedBy(object, project)
          && !object.getMetadata().getOwnerReferences().isEmpty()) {
        R kept = SERIALIZATION.clone(object);
        kept.getMetadata().setOwnerReferences(List.of());
        writer.update(
            project,
            kept,
            cache,
            "Released",
            "kept in place without an owner, so that it outlives the project");
      }
    }
  }

  /** Deletes a namespace the operator created; one it adopted is released instead. */
  public void delete(ResearchProject project, Namespace namespace, ClusterView view) {
    if (Names.ORIGIN_CREATED.equals(Metadata.annotations(namespace).get(Names.ORIGIN_ANNOTATION))) {
      writer.delete(
          project, namespace, "Deleted", "the project was deleted with deletionPolicy Delete");
    } else {
      orphan(project, namespace, view);
    }
  }
}
