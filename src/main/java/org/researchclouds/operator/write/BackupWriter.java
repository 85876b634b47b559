package org.researchclouds.operator.write;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.observe.VeleroView;
import org.researchclouds.operator.resources.BackupScheduleDesired;
import org.researchclouds.operator.resources.Names;

/**
 * Keeps the project's Velero Schedule as desired while backups are on and Velero is installed, and
 * deletes it when the project switches backups off. Backups already taken are never touched.
 */
public final class BackupWriter {
  private final VeleroScheduleKind scheduleKind = new VeleroScheduleKind();
  private final ObjectWriter writer;

  public BackupWriter(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
  }

  public void apply(
      ResearchProject project, SecurityBaseline baseline, VeleroState state, VeleroView velero) {
    if (!state.installed()) {
      return;
    }
    if (BackupScheduleDesired.enabled(project, baseline)) {
      writer.apply(
          project,
          scheduleKind,
          BackupScheduleDesired.desired(project, baseline),
          state.schedule(),
          velero.schedules());
    } else {
      state
          .schedule()
          .filter(s -> Names.managedBy(s, project))
          .ifPresent(
              s ->
                  writer.delete(
                      project, s, "Deleted", "the project switched backups off; its backups stay"));
    }
  }
}
