package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.controls.ScannerState;

/**
 * Trivy Operator's VulnerabilityReports, once its CRD is installed. Reports live beside the
 * workloads they describe, so a project's are those of its namespaces.
 */
final class ScannerView {
  private static final String PLURAL = "vulnerabilityreports";

  private final InstalledCrds crds;
  private volatile InformerEventSource<GenericKubernetesResource, ResearchProject> reports;

  ScannerView(InstalledCrds crds) {
    this.crds = crds;
  }

  boolean installed() {
    return crds.installed(PLURAL, InstalledCrds.TRIVY);
  }

  /** Registers the reports' informer once the CRD exists; a no-op before and after. */
  synchronized void startWatching(
      Context<ResearchProject> context,
      Function<GenericKubernetesResource, Set<ResourceID>> projectOf) {
    if (!installed() || reports != null) {
      return;
    }
    var retriever = context.eventSourceRetriever();
    reports =
        (InformerEventSource<GenericKubernetesResource, ResearchProject>)
            retriever.dynamicallyRegisterEventSource(
                new InformerEventSource<>(
                    InformerEventSourceConfiguration.from(
                            new GroupVersionKind(
                                InstalledCrds.TRIVY, "v1alpha1", "VulnerabilityReport"),
                            ResearchProject.class)
                        .withName("vulnerability-reports")
                        .withSecondaryToPrimaryMapper(projectOf::apply)
                        // What the control reads: the image a report describes, when, and its
                        // vulnerabilities; its labels name the workload.
                        .withItemStore(
                            new ReducedStateItemStore<>(
                                ReducedStateItemStore.NAME_KEY_STATE,
                                GenericKubernetesResource.class,
                                new KubernetesSerialization(),
                                "metadata.labels",
                                "report.artifact",
                                "report.registry",
                                "report.updateTimestamp",
                                "report.vulnerabilities"))
                        .build(),
                    retriever.eventSourceContextForDynamicRegistration()));
  }

  /** The reports in these namespaces; absent while the scanner is not installed or watched. */
  ScannerState state(List<String> namespaces) {
    var watching = reports;
    if (!installed() || watching == null) {
      return ScannerState.absent();
    }
    return new ScannerState(
        true, namespaces.stream().flatMap(ns -> InNamespace.of(watching, ns)).toList());
  }
}
