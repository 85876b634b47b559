package org.researchclouds.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.Responsibility;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.StatusSummary;

/** The live table of `make run`: aligned columns, and each open responsibility explained once. */
class ProjectTableTest {
  @Test
  void rowsAreSortedAlignedAndOpenResponsibilitiesExplainedOnce() {
    ResearchProject zeta =
        withStatus(Fixtures.project("zeta", "zeta"), "True", "GuardRailsInPlace");
    ResearchProject alpha =
        withStatus(Fixtures.project("alpha", "alpha"), "False", "NamespaceConflict");
    ResearchProject fresh = Fixtures.project("fresh", "fresh");

    String table = ProjectTable.render(List.of(zeta, alpha, fresh));

    assertThat(table.lines().toList())
        .containsExactly(
            "PROJECT  CLASSIFICATION  READY                      TENANT  PLATFORM  SHARED  OPEN RESPONSIBILITIES",
            "alpha    sensitive       False (NamespaceConflict)  3/4     1/1       2/2     tenant/backup-recovery Unknown",
            "fresh    sensitive       -                          -       -         -",
            "zeta     sensitive       True                       3/4     1/1       2/2     tenant/backup-recovery Unknown",
            "",
            "  tenant/backup-recovery Unknown (VeleroNotInstalled): install Velero");
  }

  private static ResearchProject withStatus(ResearchProject project, String ready, String reason) {
    ResearchProjectStatus status = new ResearchProjectStatus();
    status.setConditions(
        List.of(
            new ConditionBuilder().withType("Ready").withStatus(ready).withReason(reason).build()));
    status.setSummary(new StatusSummary("3/4", "1/1", "2/2"));
    status.setResponsibilities(
        List.of(
            new Responsibility(
                "tenant/data-protection",
                Owner.Tenant,
                ResponsibilityState.Met,
                "Enforced",
                "ok",
                null),
            new Responsibility(
                "tenant/backup-recovery",
                Owner.Tenant,
                ResponsibilityState.Unknown,
                "VeleroNotInstalled",
                "install Velero",
                null)));
    project.setStatus(status);
    return project;
  }
}
