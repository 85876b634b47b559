package org.researchclouds.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.Responsibility;

/** Reads and waits for a project's status in the integration tests. */
public final class ProjectStatus {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private ProjectStatus() {}

  public static ResearchProject get(KubernetesClient client, String name) {
    return client.resources(ResearchProject.class).withName(name).get();
  }

  /** Waits until the project's Ready condition has {@code status}, and returns the project. */
  public static ResearchProject awaitReady(KubernetesClient client, String name, String status) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(condition(get(client, name), "Ready").getStatus()).isEqualTo(status));
    return get(client, name);
  }

  public static Condition condition(ResearchProject project, String type) {
    assertThat(project.getStatus()).as("status of %s", project.getMetadata().getName()).isNotNull();
    Optional<Condition> found =
        project.getStatus().getConditions().stream()
            .filter(c -> c.getType().equals(type))
            .findFirst();
    assertThat(found).as("condition %s", type).isPresent();
    return found.get();
  }

  public static Responsibility responsibility(ResearchProject project, String id) {
    assertThat(project.getStatus()).as("status of %s", project.getMetadata().getName()).isNotNull();
    Optional<Responsibility> found =
        project.getStatus().getResponsibilities().stream()
            .filter(r -> r.id().equals(id))
            .findFirst();
    assertThat(found).as("responsibility %s", id).isPresent();
    return found.get();
  }
}
