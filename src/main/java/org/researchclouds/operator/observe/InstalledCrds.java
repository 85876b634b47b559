package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Set;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.velero.VeleroResource;

/**
 * The CRDs of the optional tools the operator reads, Velero and Trivy Operator. Either may be
 * installed after the operator starts: their informers are registered then, without a restart.
 */
public final class InstalledCrds {
  static final String TRIVY = "aquasecurity.github.io";
  private static final Set<String> GROUPS = Set.of(VeleroResource.GROUP, TRIVY);

  private final InformerEventSource<CustomResourceDefinition, ResearchProject> crds;

  InstalledCrds(EventSourceContext<ResearchProject> context) {
    crds =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(
                    CustomResourceDefinition.class, ResearchProject.class)
                .withName("optional-crds")
                // Every CRD of the cluster passes through here, schemas and all: keep only the
                // group, which is all this informer reads.
                .withItemStore(
                    new ReducedStateItemStore<>(
                        ReducedStateItemStore.NAME_KEY_STATE,
                        CustomResourceDefinition.class,
                        new KubernetesSerialization(),
                        "spec.group"))
                .withOnAddFilter(InstalledCrds::watched)
                .withOnUpdateFilter((updated, old) -> watched(updated))
                .withOnDeleteFilter((deleted, stale) -> watched(deleted))
                // A tool's CRD appearing or going touches every project.
                .withSecondaryToPrimaryMapper(
                    crd -> watched(crd) ? ClusterView.everyProject(context) : Set.of())
                .build(),
            context);
  }

  InformerEventSource<CustomResourceDefinition, ResearchProject> source() {
    return crds;
  }

  /** Whether the CRD of this plural and group is installed. */
  boolean installed(String plural, String group) {
    return crds.get(new ResourceID(plural + "." + group)).isPresent();
  }

  private static boolean watched(CustomResourceDefinition crd) {
    return GROUPS.contains(crd.getSpec().getGroup());
  }
}
