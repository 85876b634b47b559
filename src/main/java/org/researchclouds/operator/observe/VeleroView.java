package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.EventSourceRetriever;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.velero.VeleroBackup;
import org.researchclouds.operator.velero.VeleroBackupStorageLocation;
import org.researchclouds.operator.velero.VeleroResource;
import org.researchclouds.operator.velero.VeleroRestore;
import org.researchclouds.operator.velero.VeleroSchedule;

/**
 * Velero as the operator sees it. Velero may be missing when the operator starts and installed
 * later: a CRD informer notices, and the informers for Velero's kinds are registered with JOSDK
 * then, without a restart.
 */
public final class VeleroView {
  private static final String BY_PROJECT = "byProject";
  private static final List<Class<? extends VeleroResource>> KINDS =
      List.of(
          VeleroSchedule.class,
          VeleroBackup.class,
          VeleroRestore.class,
          VeleroBackupStorageLocation.class);

  /** One informer per kind, registered together. */
  private record Informers(
      InformerEventSource<VeleroSchedule, ResearchProject> schedules,
      InformerEventSource<VeleroBackup, ResearchProject> backups,
      InformerEventSource<VeleroRestore, ResearchProject> restores,
      InformerEventSource<VeleroBackupStorageLocation, ResearchProject> storageLocations) {}

  private final InstalledCrds crds;
  private volatile Informers informers;

  VeleroView(InstalledCrds crds) {
    this.crds = crds;
  }

  public boolean installed() {
    return KINDS.stream()
        .allMatch(kind -> crds.installed(HasMetadata.getPlural(kind), VeleroResource.GROUP));
  }

  /** Registers the Velero informers once Velero is installed; a no-op before and after. */
  public void startWatching(Context<ResearchProject> context) {
    if (!installed() || informers != null) {
      return;
    }
    synchronized (this) {
      if (informers != null) {
        return;
      }
      var retriever = context.eventSourceRetriever();
      EventSourceContext<ResearchProject> sourceContext =
          retriever.eventSourceContextForDynamicRegistration();
      informers =
          new Informers(
              register(retriever, informer(VeleroSchedule.class, sourceContext)),
              register(retriever, indexedInformer(VeleroBackup.class, sourceContext)),
              register(retriever, indexedInformer(VeleroRestore.class, sourceContext)),
              register(retriever, informer(VeleroBackupStorageLocation.class, sourceContext)));
    }
  }

  /** The informer JOSDK registered: the one given, as this view registers each kind once. */
  @SuppressWarnings("unchecked")
  private static <R extends VeleroResource> InformerEventSource<R, ResearchProject> register(
      EventSourceRetriever<ResearchProject> retriever,
      InformerEventSource<R, ResearchProject> informer) {
    return (InformerEventSource<R, ResearchProject>)
        retriever.dynamicallyRegisterEventSource(informer);
  }

  public InformerEventSource<VeleroSchedule, ResearchProject> schedules() {
    return informers.schedules();
  }

  public InformerEventSource<VeleroBackup, ResearchProject> backups() {
    return informers.backups();
  }

  public InformerEventSource<VeleroRestore, ResearchProject> restores() {
    return informers.restores();
  }

  public VeleroState state(
      ResearchProject project, String veleroNamespace, String storageLocation) {
    Informers watching = informers;
    if (!installed() || watching == null) {
      return VeleroState.absent();
    }
    String schedule = Names.backupSchedule(project.getMetadata().getName());
    return new VeleroState(
        true,
        watching.schedules().get(new ResourceID(schedule, veleroNamespace)),
        ofProject(watching.backups(), project, veleroNamespace)
            .filter(
                b ->
                    schedule.equals(Names.label(b, Names.VELERO_SCHEDULE_LABEL))
                        || Names.finalBackup(project).equals(b.getMetadata().getName()))
            .toList(),
        ofProject(watching.restores(), project, veleroNamespace).toList(),
        watching.storageLocations().get(new ResourceID(storageLocation, veleroNamespace)));
  }

  /**
   * A project's Backups or Restores, from an index: Velero's namespace holds those of every
   * project, thousands on a large cloud, and a reconcile must not scan them all. By the project's
   * UID: a project created again under an old name does not inherit the old one's history.
   */
  private static <R extends VeleroResource> Stream<R> ofProject(
      InformerEventSource<R, ResearchProject> informer, ResearchProject project, String namespace) {
    return informer.byIndex(BY_PROJECT, project.getMetadata().getUid()).stream()
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()));
  }

  private static <R extends VeleroResource> InformerEventSource<R, ResearchProject> indexedInformer(
      Class<R> kind, EventSourceContext<ResearchProject> context) {
    InformerEventSource<R, ResearchProject> informer = informer(kind, context);
    informer.addIndexers(
        Map.<String, Function<R, List<String>>>of(
            BY_PROJECT,
            o ->
                Optional.ofNullable(Names.label(o, Names.PROJECT_UID_LABEL))
                    .map(List::of)
                    .orElse(List.of())));
    return informer;
  }

  private static <R extends VeleroResource> InformerEventSource<R, ResearchProject> informer(
      Class<R> kind, EventSourceContext<ResearchProject> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(kind, ResearchProject.class)
            .withName("velero-" + HasMetadata.getPlural(kind))
            .withSecondaryToPrimaryMapper(
                object ->
                    Optional.ofNullable(Names.label(object, Names.PROJECT_LABEL))
                        .map(p -> Set.of(new ResourceID(p)))
                        .orElse(Set.of()))
            .build(),
        context);
  }
}
