package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.api.model.Namespace;
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
import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.ControlCatalogue;
import org.researchclouds.operator.controls.ControlCatalogue.Evaluation;
import org.researchclouds.operator.dependents.AuditTrail;
import org.researchclouds.operator.dependents.Enforcer;
import org.researchclouds.operator.dependents.GuardRails;
import org.researchclouds.operator.dependents.NamespaceRelease;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.validation.Problem;
import org.researchclouds.operator.validation.ProjectValidator;

/**
 * Wires one project's reconcile: read the baseline, validate, apply the guard rails, evaluate the
 * controls, and write the status only when it changed. It builds no object itself.
 */
@ControllerConfiguration(name = "researchproject")
public class ResearchProjectReconciler
    implements Reconciler<ResearchProject>, Cleaner<ResearchProject> {
  private final OperatorSettings settings;
  private final ControlCatalogue catalogue;
  private final StatusAggregator aggregator;
  private ClusterView view;
  private GuardRails guardRails;
  private Enforcer enforcer;
  private NamespaceRelease release;

  public ResearchProjectReconciler(OperatorSettings settings, ControlCatalogue catalogue) {
    this.settings = settings;
    this.catalogue = catalogue;
    this.aggregator = new StatusAggregator(settings.clock());
  }

  @Override
  public List<EventSource<?, ResearchProject>> prepareEventSources(
      EventSourceContext<ResearchProject> context) {
    AuditTrail trail = new AuditTrail(context.getClient(), settings.clock());
    view = new ClusterView(context);
    guardRails = new GuardRails(context.getClient(), trail);
    enforcer = new Enforcer(context.getClient(), trail);
    release = new NamespaceRelease(context.getClient(), trail);
    return view.eventSources();
  }

  @Override
  public UpdateControl<ResearchProject> reconcile(
      ResearchProject project, Context<ResearchProject> context) {
    if (project.getStatus() == null
        || Conditions.find(project.getStatus().getConditions(), StatusAggregator.READY).isEmpty()) {
      return withStatus(project, aggregator.initial(project)).rescheduleAfter(0);
    }
    Optional<SecurityBaseline> baseline = view.baseline(settings.baselineName());
    if (baseline.isEmpty()) {
      Readiness missing =
          Readiness.notReady(
              "BaselineNotFound",
              "SecurityBaseline "
                  + settings.baselineName()
                  + " does not exist, so the project's floors are unknown and nothing was applied;"
                  + " the platform team creates it.");
      return withStatus(
          project, aggregator.build(project, missing, List.of(), heldNamespaces(project)));
    }
    List<Problem> problems = ProjectValidator.validate(project, baseline.get(), view::namespace);
    Readiness readiness;
    List<ResourceID> removed = List.of();
    if (problems.isEmpty()) {
      int policies = guardRails.apply(project, baseline.get(), view);
      removed = enforcer.enforce(project, baseline.get(), view);
      readiness =
          Readiness.ready(
              project.namespaceNames().size()
                  + " namespace(s) and "
                  + policies
                  + " NetworkPolicies in place.");
    } else {
      readiness =
          Readiness.notReady(
              problems.get(0).reason(),
              String.join(" ", problems.stream().map(Problem::message).toList())
                  + " Nothing was applied.");
    }
    List<Evaluation> evaluations =
        catalogue.evaluate(view.observe(project, baseline.get(), removed));
    return withStatus(
        project, aggregator.build(project, readiness, evaluations, heldNamespaces(project)));
  }

  @Override
  public ErrorStatusUpdateControl<ResearchProject> updateErrorStatus(
      ResearchProject project, Context<ResearchProject> context, Exception e) {
    ResearchProjectStatus failed =
        aggregator.withReadiness(
            project,
            Readiness.notReady(
                "ReconcileFailed",
                "The operator could not apply the guard rails and retries: " + e.getMessage()));
    if (failed.equals(project.getStatus())) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    project.setStatus(failed);
    return ErrorStatusUpdateControl.patchStatus(project);
  }

  @Override
  public DeleteControl cleanup(ResearchProject project, Context<ResearchProject> context) {
    boolean delete = project.getSpec().deletionPolicyOrDefault() == DeletionPolicy.Delete;
    for (Namespace namespace : view.namespacesHeldBy(project.getMetadata().getName())) {
      if (delete) {
        release.delete(project, namespace, view);
      } else {
        release.orphan(project, namespace, view);
      }
    }
    return DeleteControl.defaultDelete();
  }

  private List<String> heldNamespaces(ResearchProject project) {
    return project.namespaceNames().stream()
        .filter(
            name ->
                view.namespacesHeldBy(project.getMetadata().getName()).stream()
                    .anyMatch(ns -> ns.getMetadata().getName().equals(name)))
        .toList();
  }

  private static UpdateControl<ResearchProject> withStatus(
      ResearchProject project, ResearchProjectStatus status) {
    if (status.equals(project.getStatus())) {
      return UpdateControl.noUpdate();
    }
    project.setStatus(status);
    return UpdateControl.patchStatus(project);
  }
}
