package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
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
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.RestoreDrillDesired;
import org.researchclouds.operator.timing.CronSchedule;
import org.researchclouds.operator.timing.GoDuration;
import org.researchclouds.operator.velero.VeleroBackup;
import org.researchclouds.operator.velero.VeleroRestore;

/**
 * Runs a project's restore drills: when one is due, it restores the newest successful backup into
 * isolated scratch namespaces; when Velero reports the Restore finished, or the baseline's drill
 * timeout passes, it removes them. The newest Restores stay as the record of the drills, which the
 * status and the backup control read; older ones are pruned.
 */
public final class RestoreDrills {
  /** Drill Restores kept as the record; older ones go. */
  static final int KEPT_RESTORES = 3;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final ObjectWriter writer;

  public RestoreDrills(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  public void run(
      ResearchProject project,
      SecurityBaseline baseline,
      VeleroState velero,
      ClusterView view,
      Instant now) {
    List<VeleroRestore> drills =
        velero.restores().stream()
            .filter(r -> "true".equals(r.getMetadata().getLabels().get(Names.DRILL_LABEL)))
            .toList();
    Duration timeout =
        GoDuration.parse(baseline.getSpec().backupOrDefault().drillTimeoutOrDefault());
    prune(project, drills, timeout, now);
    List<Namespace> scratch = view.drillNamespaces(project);
    if (drills.stream().anyMatch(r -> running(r, timeout, now)) || !scratch.isEmpty()) {
      scratch.stream()
          .filter(ns -> over(ns, drills, timeout, now))
          .forEach(ns -> remove(project, ns, "the restore drill ended"));
      return;
    }
    RestoreDrill drill = project.getSpec().backupOrDefault().restoreDrillOrDefault();
    if (!velero.installed() || !drill.on() || !due(drill, drills, now)) {
      return;
    }
    Optional<VeleroBackup> backup =
        velero.backups().stream()
            .filter(VeleroObjects::succeeded)
            .max(Comparator.comparing(b -> VeleroObjects.completed(b).orElse(Instant.EPOCH)));
    if (backup.isPresent()) {
      start(project, baseline, backup.get().getMetadata().getName(), view, now);
    }
  }

  /** Removes every scratch namespace of the project's drills: the project is being deleted. */
  public void removeAll(ResearchProject project, ClusterView view) {
    view.drillNamespaces(project)
        .forEach(ns -> remove(project, ns, "its project is being deleted"));
  }

  /** A drill still running within the timeout; one past it no longer holds the next one back. */
  private static boolean running(VeleroRestore drill, Duration timeout, Instant now) {
    return !VeleroObjects.finished(drill) && !started(drill).plus(timeout).isBefore(now);
  }

  /**
   * Whether a scratch namespace's drill is over: its Restore finished, timed out, or is gone. A
   * scratch namespace is never left behind.
   */
  private static boolean over(
      Namespace scratch, List<VeleroRestore> drills, Duration timeout, Instant now) {
    String restore = scratch.getMetadata().getAnnotations().get(Names.DRILL_RESTORE_ANNOTATION);
    return drills.stream()
        .filter(r -> r.getMetadata().getName().equals(restore))
        .allMatch(r -> !running(r, timeout, now));
  }

  /** Keeps the newest drill Restores as the record, and deletes the rest. */
  private void prune(
      ResearchProject project, List<VeleroRestore> drills, Duration timeout, Instant now) {
    drills.stream()
        .sorted(Comparator.comparing(RestoreDrills::started).reversed())
        .skip(KEPT_RESTORES)
        .filter(drill -> !running(drill, timeout, now))
        .forEach(old -> writer.delete(project, old, "Deleted", "an older restore drill's record"));
  }

  private static Instant started(VeleroRestore drill) {
    return Instant.parse(drill.getMetadata().getCreationTimestamp());
  }

  private void remove(ResearchProject project, Namespace scratch, String why) {
    writer.delete(project, scratch, "Deleted", why);
  }

  private void start(
      ResearchProject project,
      SecurityBaseline baseline,
      String backup,
      ClusterView view,
      Instant now) {
    List<String> held = view.heldNamespaceNames(project);
    VeleroRestore desired =
        RestoreDrillDesired.restore(project, baseline, backup, STAMP.format(now), held);
    for (String namespace : held) {
      Namespace scratch =
          writer.create(
              project,
              RestoreDrillDesired.scratchNamespace(
                  project, namespace, desired.getMetadata().getName()),
              view.namespaceCache(),
              "Created",
              "scratch namespace of a restore drill");
      writer.create(
          project,
          RestoreDrillDesired.denyAll(project, scratch.getMetadata().getName()),
          view.policyCache(),
          "Created",
          "isolates the restore drill's scratch namespace");
    }
    writer.create(
        project,
        desired,
        view.velero().restores(),
        "RestoreDrillStarted",
        "restores backup " + backup);
  }

  private static boolean due(RestoreDrill drill, List<VeleroRestore> drills, Instant now) {
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
