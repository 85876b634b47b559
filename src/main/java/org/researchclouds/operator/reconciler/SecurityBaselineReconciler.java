package org.researchclouds.operator.reconciler;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.rate.RateLimited;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.SecurityBaselineStatus;
import org.researchclouds.operator.observe.ClusterView;

/**
 * Keeps each SecurityBaseline's status: its validity, and, for the one the operator judges projects
 * against, how the projects fare and what expires soon. A project's status change reaches it
 * through an informer that keeps only the projects' conditions; the counts are written at most once
 * every five seconds, so that thousands of projects converging cost a handful of writes.
 */
@ControllerConfiguration(name = "securitybaseline")
@RateLimited(maxReconciliations = 1, within = 5, unit = TimeUnit.SECONDS)
public class SecurityBaselineReconciler implements Reconciler<SecurityBaseline> {
  private static final Duration STALE_STATUS_RETRY = Duration.ofSeconds(1);

  private final OperatorSettings settings;
  private final BaselineReport report;
  private final StatusWriter statusWriter;
  private InformerEventSource<ResearchProject, SecurityBaseline> projects;

  SecurityBaselineReconciler(OperatorSettings settings, StatusWriter statusWriter) {
    this.settings = settings;
    this.report = new BaselineReport(settings.clock());
    this.statusWriter = statusWriter;
  }

  @Override
  public List<EventSource<?, SecurityBaseline>> prepareEventSources(
      EventSourceContext<SecurityBaseline> context) {
    projects =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ResearchProject.class, SecurityBaseline.class)
                .withName("governed-projects")
                .withItemStore(ClusterView.reduced(ResearchProject.class, "status.conditions"))
                .withSecondaryToPrimaryMapper(
                    project -> Set.of(new ResourceID(settings.baselineName())))
                .build(),
            context);
    return List.of(projects);
  }

  @Override
  public UpdateControl<SecurityBaseline> reconcile(
      SecurityBaseline baseline, Context<SecurityBaseline> context) {
    List<ResearchProject> governed =
        settings.baselineName().equals(baseline.getMetadata().getName())
            ? projects.list().toList()
            : List.of();
    SecurityBaselineStatus status = report.of(baseline, governed);
    if (status.equals(baseline.getStatus())) {
      return UpdateControl.noUpdate();
    }
    Optional<SecurityBaseline> written = statusWriter.write(baseline, status);
    if (written.isEmpty()) {
      return UpdateControl.<SecurityBaseline>noUpdate().rescheduleAfter(STALE_STATUS_RETRY);
    }
    context
        .eventSourceRetriever()
        .getControllerEventSource()
        .handleRecentResourceUpdate(
            ResourceID.fromResource(written.get()), written.get(), baseline);
    return UpdateControl.noUpdate();
  }
}
