package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.PeerIdentity;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.ControlCatalogue;
import org.researchclouds.operator.controls.ControlCatalogue.Evaluation;
import org.researchclouds.operator.controls.Expiries;
import org.researchclouds.operator.controls.Observation;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.observe.FreshWrites;
import org.researchclouds.operator.resources.NetworkFloors;
import org.researchclouds.operator.validation.Problem;
import org.researchclouds.operator.validation.ProjectValidator;
import org.researchclouds.operator.write.AuditTrail;
import org.researchclouds.operator.write.BackupWriter;
import org.researchclouds.operator.write.Enforcer;
import org.researchclouds.operator.write.FinalBackup;
import org.researchclouds.operator.write.FinalBackup.Outcome;
import org.researchclouds.operator.write.FinalBackup.Stage;
import org.researchclouds.operator.write.FloorKeeper;
import org.researchclouds.operator.write.GuardRails;
import org.researchclouds.operator.write.NamespaceRelease;
import org.researchclouds.operator.write.RestoreDrills;

/**
 * Wires one project's reconcile: read the baseline, validate, apply the guard rails, evaluate the
 * controls, and write the status only when it changed. It builds no object itself.
 */
@ControllerConfiguration(name = "researchproject")
public class ResearchProjectReconciler
    implements Reconciler<ResearchProject>, Cleaner<ResearchProject> {
  private static final Duration HELD_DELETION_RECHECK = Duration.ofSeconds(10);
  private static final Duration HOST_CONFLICT_RECHECK = Duration.ofSeconds(10);
  // A status write refused because the project changed: the change's own event brings a spec
  // edit back at once; this catches a status written by someone else.
  private static final Duration STALE_STATUS_RETRY = Duration.ofSeconds(1);

  private final OperatorSettings settings;
  private final ControlCatalogue catalogue;
  private final StatusAggregator aggregator;
  private final StatusWriter statusWriter;
  private final AuditTrail trail;
  private final GuardRails guardRails;
  private final Enforcer enforcer;
  private final FloorKeeper floorKeeper;
  private final NamespaceRelease release;
  private final BackupWriter backups;
  private final FinalBackup finalBackup;
  private final RestoreDrills drills;
  // The informers need JOSDK's context, which the reconciler gets after its construction.
  private ClusterView view;

  ResearchProjectReconciler(
      KubernetesClient client,
      OperatorSettings settings,
      ControlCatalogue catalogue,
      StatusWriter statusWriter) {
    this.settings = settings;
    this.catalogue = catalogue;
    this.aggregator = new StatusAggregator(settings.clock());
    this.statusWriter = statusWriter;
    this.trail = new AuditTrail(client, settings.clock());
    this.guardRails = new GuardRails(client, trail);
    this.enforcer = new Enforcer(client, trail);
    this.floorKeeper = new FloorKeeper(client, trail);
    this.release = new NamespaceRelease(client, trail);
    this.backups = new BackupWriter(client, trail);
    this.finalBackup = new FinalBackup(client, trail);
    this.drills = new RestoreDrills(client, trail);
  }

  @Override
  public List<EventSource<?, ResearchProject>> prepareEventSources(
      EventSourceContext<ResearchProject> context) {
    view = new ClusterView(context, settings.resyncInterval());
    return view.eventSources();
  }

  @Override
  public UpdateControl<ResearchProject> reconcile(
      ResearchProject project, Context<ResearchProject> context) {
    try {
      return reconcileProject(project, context);
    } finally {
      trail.flush(project);
    }
  }

  private UpdateControl<ResearchProject> reconcileProject(
      ResearchProject project, Context<ResearchProject> context) {
    if (project.getSpec() == null) {
      return withStatus(
          project, aggregator.withReadiness(project, unreadable(project, context)), context);
    }
    view.startWatching(context);
    Optional<SecurityBaseline> baseline = view.baseline(settings.baselineName());
    if (baseline.isEmpty()) {
      return withStatus(
          project,
          aggregator.build(
              project,
              baselineMissing(),
              List.of(),
              view.heldNamespaceNames(project),
              null,
              PeerIdentity.remembered(project, Map.of()),
              List.of()),
          context);
    }
    if (baseline.get().getSpec() == null) {
      return withStatus(
          project,
          aggregator.build(
              project,
              baselineUnreadable(baseline.get()),
              List.of(),
              view.heldNamespaceNames(project),
              null,
              PeerIdentity.remembered(project, Map.of()),
              List.of()),
          context);
    }
    List<Problem> problems =
        new ArrayList<>(
            ProjectValidator.validate(
                project,
                baseline.get(),
                view::namespace,
                settings.operatorNamespace() == null
                    ? Set.of()
                    : Set.of(settings.operatorNamespace()),
                view::hostHolder));
    List<String> foreign = view.foreignSelfServiceObjects(project);
    if (!foreign.isEmpty()) {
      problems.add(
          new Problem(
              "AccessNameTaken",
              String.join(", ", foreign)
                  + " exists and was not written by the operator; ask the platform team to rename"
                  + " it, or create the project under another name."));
    }
    Instant now = now();
    if (!problems.isEmpty()) {
      // Nothing of this spec is applied, and the controls would read a spec that the checks
      // just refused: nothing is judged. The floors still hold.
      floorKeeper.keep(project, baseline.get(), view, now);
      ResearchProjectStatus status =
          aggregator.refused(
              project,
              Readiness.notReady(
                  problems.get(0).reason(),
                  String.join(" ", problems.stream().map(Problem::message).toList())
                      + " Nothing was applied."));
      recordExceptionChanges(project, status);
      UpdateControl<ResearchProject> refused = withStatus(project, status, context);
      // The holder of a host may let go with no event this project sees in time: ask again.
      if (problems.stream().anyMatch(problem -> "HostConflict".equals(problem.reason()))) {
        refused = refused.rescheduleAfter(HOST_CONFLICT_RECHECK);
      }
      return untilNextExpiry(refused, baseline.get(), project, now);
    }
    // The projects it names, read once, so that its policies and its evaluation agree.
    Map<String, ResearchProject> peers = view.peers(project);
    FreshWrites fresh = applyAll(project, baseline.get(), peers, now);
    Readiness readiness =
        Readiness.ready(
            "Namespaces "
                + String.join(", ", project.namespaceNames())
                + " and their guard rails are in place.");
    Observation observation = view.observe(project, baseline.get(), peers, fresh, now);
    List<Evaluation> evaluations = catalogue.evaluate(observation);
    ResearchProjectStatus status =
        aggregator.build(
            project,
            readiness,
            evaluations,
            view.heldNamespaceNames(project),
            BackupReport.of(observation),
            PeerIdentity.remembered(project, observation.peers()),
            ComputeReport.of(observation));
    recordExceptionChanges(project, status);
    UpdateControl<ResearchProject> written = withStatus(project, status, context);
    return untilNextExpiry(written, baseline.get(), project, now);
  }

  private void recordExceptionChanges(ResearchProject project, ResearchProjectStatus next) {
    ExceptionEvents.record(
        trail,
        project,
        project.getStatus() == null ? List.of() : project.getStatus().getResponsibilities(),
        next.getResponsibilities());
  }

  /**
   * A granted port, an exception or an attestation lapses with no event to say so: the project is
   * reconciled then, unless the periodic resync or an earlier recheck comes first (a longer delay
   * would put off the resync).
   */
  private UpdateControl<ResearchProject> untilNextExpiry(
      UpdateControl<ResearchProject> control,
      SecurityBaseline baseline,
      ResearchProject project,
      Instant now) {
    return Expiries.next(baseline, project, now)
        .map(expiry -> Duration.between(now, expiry).plusSeconds(1))
        .filter(
            untilExpiry ->
                untilExpiry.toMillis()
                    < control.getScheduleDelay().orElse(settings.resyncInterval().toMillis()))
        .map(control::rescheduleAfter)
        .orElse(control);
  }

  /** Every writing step for a valid project, in order; returns what the controls must see. */
  private FreshWrites applyAll(
      ResearchProject project,
      SecurityBaseline baseline,
      Map<String, ResearchProject> peers,
      Instant now) {
    FreshWrites fresh =
        guardRails.apply(project, baseline, NetworkFloors.of(baseline, project, peers, now), view);
    VeleroState velero = view.veleroState(project, baseline);
    backups.apply(project, baseline, velero, view.velero());
    drills.run(project, baseline, velero, view, now);
    return fresh.plus(
        enforcer.enforce(
            project, baseline, () -> view.observe(project, baseline, peers, fresh, now)));
  }

  @Override
  public ErrorStatusUpdateControl<ResearchProject> updateErrorStatus(
      ResearchProject project, Context<ResearchProject> context, Exception e) {
    ResearchProjectStatus failed =
        aggregator.withReadiness(
            project, Readiness.notReady("ReconcileFailed", FailureMessage.of(e)));
    withStatus(project, failed, context);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  @Override
  public DeleteControl cleanup(ResearchProject project, Context<ResearchProject> context) {
    try {
      return cleanupProject(project, context);
    } finally {
      trail.flush(project);
    }
  }

  private DeleteControl cleanupProject(ResearchProject project, Context<ResearchProject> context) {
    drills.removeAll(project, view);
    boolean deleteNamespaces = deletionPolicy(project) == DeletionPolicy.Delete;
    if (deleteNamespaces) {
      view.startWatching(context);
      Optional<SecurityBaseline> baseline = view.baseline(settings.baselineName());
      if (baseline.isEmpty()) {
        return holdDeletion(context, project, baselineMissing());
      }
      if (baseline.get().getSpec() == null) {
        return holdDeletion(context, project, baselineUnreadable(baseline.get()));
      }
      Outcome outcome =
          finalBackup.take(
              project,
              baseline.get(),
              view.veleroState(project, baseline.get()),
              view.heldNamespaceNames(project),
              now(),
              view.velero()::backups);
      if (outcome.stage() != Stage.DONE) {
        if (outcome.stage() == Stage.BLOCKED) {
          warnOnce(project, outcome);
        }
        return holdDeletion(
            context, project, Readiness.notReady(outcome.reason(), outcome.message()));
      }
    }
    for (Namespace namespace : view.namespacesHeldBy(project)) {
      if (deleteNamespaces) {
        release.delete(project, namespace, view);
      } else {
        release.orphan(project, namespace, view);
      }
    }
    return DeleteControl.defaultDelete();
  }

  /** Keeps the finalizer, and the namespaces with it, and says why in the status. */
  private DeleteControl holdDeletion(
      Context<ResearchProject> context, ResearchProject project, Readiness why) {
    withStatus(project, aggregator.withReadiness(project, why), context);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(HELD_DELETION_RECHECK);
  }

  private void warnOnce(ResearchProject project, Outcome outcome) {
    boolean said =
        project.getStatus() != null
            && Conditions.find(project.getStatus().getConditions(), StatusAggregator.READY)
                .filter(ready -> outcome.reason().equals(ready.getReason()))
                .isPresent();
    if (!said) {
      trail.warned(project, outcome.reason(), outcome.message());
    }
  }

  /** A spec that cannot be read asked for nothing: its namespaces and data stay. */
  private static DeletionPolicy deletionPolicy(ResearchProject project) {
    return project.getSpec() == null
        ? DeletionPolicy.Retain
        : project.getSpec().deletionPolicyOrDefault();
  }

  /**
   * JOSDK hands the reconciler a copy, which keeps no reading problem; the cached original does.
   */
  private static Readiness unreadable(ResearchProject project, Context<ResearchProject> context) {
    String problem =
        context
            .getPrimaryCache()
            .get(ResourceID.fromResource(project))
            .map(ResearchProject::unreadableSpec)
            .orElse("the spec is missing");
    return Readiness.notReady(
        "UnreadableSpec",
        "The operator cannot read this project: "
            + problem
            + ". It changed nothing; correct the field, and it applies the project again.");
  }

  private Readiness baselineUnreadable(SecurityBaseline baseline) {
    return Readiness.notReady(
        "InvalidBaseline",
        "SecurityBaseline "
            + baseline.getMetadata().getName()
            + " cannot be read ("
            + baseline.unreadableSpec()
            + "), so the project's floors are unknown and nothing was applied; the platform team"
            + " corrects it.");
  }

  private Readiness baselineMissing() {
    return Readiness.notReady(
        "BaselineNotFound",
        "SecurityBaseline "
            + settings.baselineName()
            + " does not exist, so the project's floors are unknown and nothing was applied;"
            + " the platform team creates it.");
  }

  private Instant now() {
    return Instant.now(settings.clock());
  }

  /**
   * Writes the status when it changed, and primes JOSDK's cache with the written project, so that
   * the next reconcile starts from this write rather than from a copy the informer has not yet
   * replaced, which would make it write the same status again.
   */
  private UpdateControl<ResearchProject> withStatus(
      ResearchProject project, ResearchProjectStatus status, Context<ResearchProject> context) {
    if (status.equals(project.getStatus())) {
      return UpdateControl.noUpdate();
    }
    Optional<ResearchProject> written = statusWriter.write(project, status);
    if (written.isEmpty()) {
      return UpdateControl.<ResearchProject>noUpdate().rescheduleAfter(STALE_STATUS_RETRY);
    }
    // JOSDK caches the written copy only over the version it replaced, the one read.
    context
        .eventSourceRetriever()
        .getControllerEventSource()
        .handleRecentResourceUpdate(ResourceID.fromResource(written.get()), written.get(), project);
    return UpdateControl.noUpdate();
  }
}
