package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.resources.Names;

/**
 * Velero as the operator sees it. Velero may be missing when the operator starts and installed
 * later: a CRD informer notices, and the informers for Velero's kinds are registered with JOSDK
 * then, without a restart.
 */
public final class VeleroView {
  private static final String GROUP = InstalledCrds.VELERO;
  private static final String BY_PROJECT = "byProject";
  private static final List<String> KINDS =
      List.of("Schedule", "Backup", "Restore", "BackupStorageLocation");

  private final InstalledCrds crds;
  private volatile Map<String, InformerEventSource<GenericKubernetesResource, ResearchProject>>
      informers = Map.of();

  VeleroView(InstalledCrds crds) {
    this.crds = crds;
  }

  public boolean installed() {
    return KINDS.stream().allMatch(kind -> crds.installed(plural(kind), GROUP));
  }

  /** Registers the Velero informers once Velero is installed; a no-op before and after. */
  public void startWatching(Context<ResearchProject> context) {
    if (!installed() || !informers.isEmpty()) {
      return;
    }
    synchronized (this) {
      if (!informers.isEmpty()) {
        return;
      }
      var retriever = context.eventSourceRetriever();
      EventSourceContext<ResearchProject> sourceContext =
          retriever.eventSourceContextForDynamicRegistration();
      informers =
          KINDS.stream()
              .collect(
                  Collectors.toMap(
                      kind -> kind,
                      kind ->
                          (InformerEventSource<GenericKubernetesResource, ResearchProject>)
                              retriever.dynamicallyRegisterEventSource(
                                  indexedInformer(kind, sourceContext))));
    }
  }

  public InformerEventSource<GenericKubernetesResource, ResearchProject> cache(String kind) {
    return informers.get(kind);
  }

  public VeleroState state(
      ResearchProject project, String veleroNamespace, String storageLocation) {
    if (!installed() || informers.isEmpty()) {
      return VeleroState.absent();
    }
    String schedule = Names.backupSchedule(project.getMetadata().getName());
    return new VeleroState(
        true,
        informers.get("Schedule").get(new ResourceID(schedule, veleroNamespace)),
        projects("Backup", project, veleroNamespace).stream()
            .filter(
                b ->
                    schedule.equals(Names.label(b, Names.VELERO_SCHEDULE_LABEL))
                        || Names.finalBackup(project).equals(b.getMetadata().getName()))
            .toList(),
        projects("Restore", project, veleroNamespace),
        informers
            .get("BackupStorageLocation")
            .get(new ResourceID(storageLocation, veleroNamespace)));
  }

  /**
   * A project's Backups or Restores, from an index: Velero's namespace holds those of every
   * project, thousands on a large cloud, and a reconcile must not scan them all. By the project's
   * UID: a project created again under an old name does not inherit the old one's history.
   */
  private List<GenericKubernetesResource> projects(
      String kind, ResearchProject project, String namespace) {
    return informers.get(kind).byIndex(BY_PROJECT, project.getMetadata().getUid()).stream()
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
        .toList();
  }

  private static InformerEventSource<GenericKubernetesResource, ResearchProject> indexedInformer(
      String kind, EventSourceContext<ResearchProject> context) {
    InformerEventSource<GenericKubernetesResource, ResearchProject> informer =
        informer(kind, context);
    informer.addIndexers(
        Map.<String, Function<GenericKubernetesResource, List<String>>>of(
            BY_PROJECT,
            o ->
                Optional.ofNullable(Names.label(o, Names.PROJECT_UID_LABEL))
                    .map(List::of)
                    .orElse(List.of())));
    return informer;
  }

  private static InformerEventSource<GenericKubernetesResource, ResearchProject> informer(
      String kind, EventSourceContext<ResearchProject> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(
                new GroupVersionKind(GROUP, "v1", kind), ResearchProject.class)
            .withName("velero-" + plural(kind))
            .withSecondaryToPrimaryMapper(
                object ->
                    Optional.ofNullable(Names.label(object, Names.PROJECT_LABEL))
                        .map(p -> Set.of(new ResourceID(p)))
                        .orElse(Set.of()))
            .build(),
        context);
  }

  private static String plural(String kind) {
    return kind.toLowerCase() + (kind.endsWith("s") ? "es" : "s");
  }
}
