package org.researchclouds.operator.dependents;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.RestoreDrill;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.VeleroObjects;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.observe.VeleroState;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.RestoreDrillDesired;
import org.researchclouds.operator.timing.CronSchedule;

/**
 * Runs a project's restore drills: when one is due, it restores the newest successful backup into
 * isolated scratch namespaces; when Velero reports the Restore finished, it removes them. The
 * Restore stays as the record of the drill, which the status and the backup control read.
 */
public final class RestoreDrills {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final KubernetesClient client;
  private final AuditTrail trail;

  public RestoreDrills(KubernetesClient client, AuditTrail trail) {
    this.client = client;
    this.trail = trail;
  }

  public void run(
      ResearchProject project,
      SecurityBaseline baseline,
      VeleroState velero,
      ClusterView view,
      Instant now) {
    List<GenericKubernetesResource> drills =
        velero.restores().stream()
            .filter(r -> "true".equals(r.getMetadata().getLabels().get(Names.DRILL_LABEL)))
            .toList();
    List<Namespace> scratch = view.drillNamespaces(project);
    if (drills.stream().anyMatch(r -> !VeleroObjects.finished(r)) || !scratch.isEmpty()) {
      scratch.stream().filter(ns -> restoreFinished(ns, drills)).forEach(ns -> remove(project, ns));
      return;
    }
    RestoreDrill drill = project.getSpec().backupOrDefault().restoreDrillOrDefault();
    if (!velero.installed() || !drill.on() || !due(drill, drills, now)) {
      return;
    }
    Optional<GenericKubernetesResource> backup =
        velero.backups().stream()
            .filter(VeleroObjects::succeeded)
            .max(Comparator.comparing(b -> VeleroObjects.completed(b).orElse(Instant.EPOCH)));
    if (backup.isPresent()) {
      start(project, baseline, backup.get().getMetadata().getName(), view, now);
    }
  }

  /** Whether the Restore a scratch namespace was made for has finished; unknown ones wait. */
  private static boolean restoreFinished(
      Namespace scratch, List<GenericKubernetesResource> drills) {
    String restore = scratch.getMetadata().getAnnotations().get(Names.DRILL_RESTORE_ANNOTATION);
    return drills.stream()
        .anyMatch(r -> r.getMetadata().getName().equals(restore) && VeleroObjects.finished(r));
  }

  private void remove(ResearchProject project, Namespace scratch) {
    client.resource(scratch).delete();
    trail.changed(project, "Deleted", scratch, "the restore drill finished");
  }

  private void start(
      ResearchProject project,
      SecurityBaseline baseline,
      String backup,
      ClusterView view,
      Instant now) {
    List<String> held = view.heldNamespaceNames(project);
    GenericKubernetesResource desired =
        RestoreDrillDesired.restore(project, baseline, backup, STAMP.format(now), held);
    for (String namespace : held) {
      Namespace scratch =
          client
              .resource(
                  RestoreDrillDesired.scratchNamespace(
                      project, namespace, desired.getMetadata().getName()))
              .create();
      client
          .resource(RestoreDrillDesired.denyAll(project, scratch.getMetadata().getName()))
          .create();
      trail.changed(project, "Created", scratch, "scratch namespace of a restore drill, isolated");
    }
    GenericKubernetesResource restore = client.resource(desired).create();
    trail.changed(project, "RestoreDrillStarted", restore, "restores backup " + backup);
  }

  private static boolean due(
      RestoreDrill drill, List<GenericKubernetesResource> drills, Instant now) {
    Optional<Instant> last =
        drills.stream()
            .map(r -> Instant.parse(r.getMetadata().getCreationTimestamp()))
            .max(Comparator.naturalOrder());
    return last.isEmpty()
        || CronSchedule.parse(drill.scheduleOrDefault())
            .nextAfter(last.get())
            .filter(next -> !next.isAfter(now))
            .isPresent();
  }
}
