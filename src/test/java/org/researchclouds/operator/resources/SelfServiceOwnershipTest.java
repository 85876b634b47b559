package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ResearchProject;

/** Whose a self-service object is decides whether the operator may delete it as a leftover. */
class SelfServiceOwnershipTest {
  private final ResearchProject project = Fixtures.project("lab", "lab");

  @Test
  void onlyAnObjectWrittenForAnotherUidIsALeftover() {
    ClusterRole earlier =
        labelled(
            Map.of(
                Names.MANAGED_BY_LABEL, Names.MANAGER,
                Names.PROJECT_LABEL, "lab",
                Names.PROJECT_UID_LABEL, "uid-of-an-earlier-lab"));
    ClusterRole copiedByAnAdmin = labelled(Map.of(Names.MANAGED_BY_LABEL, Names.MANAGER));
    ClusterRole admins = labelled(Map.of());
    ClusterRole own = labelled(Names.managedLabels(project));

    assertThat(Names.leftoverOfAnotherProject(earlier, project)).isTrue();
    assertThat(Names.leftoverOfAnotherProject(copiedByAnAdmin, project)).isFalse();
    assertThat(Names.leftoverOfAnotherProject(admins, project)).isFalse();
    assertThat(Names.leftoverOfAnotherProject(own, project)).isFalse();
  }

  @Test
  void aSelfServiceNameSpeaksForItsProject() {
    assertThat(Names.selfServiceProject(Names.selfRead("lab"))).contains("lab");
    assertThat(Names.selfServiceProject(Names.selfService("lab"))).contains("lab");
    assertThat(Names.selfServiceProject("researchproject-viewer")).isEmpty();
  }

  private static ClusterRole labelled(Map<String, String> labels) {
    return new ClusterRoleBuilder()
        .withNewMetadata()
        .withName(Names.selfRead("lab"))
        .withLabels(labels)
        .endMetadata()
        .build();
  }
}
