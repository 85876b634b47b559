package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.researchclouds.operator.ProjectStatus.condition;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.local.ClusterSeed;

/**
 * Objects this version of the operator cannot read, stored as raw JSON next to good projects, as a
 * real cluster holds them when the CRDs are upgraded before the operator or the operator is rolled
 * back: the good projects converge, and the bad one says what to correct.
 */
@EnableKubernetesMockClient(crud = true)
class UnreadableProjectIT {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ResourceDefinitionContext PROJECTS =
      new ResourceDefinitionContext.Builder()
          .withGroup(ResearchProject.GROUP)
          .withVersion(ResearchProject.VERSION)
          .withPlural("researchprojects")
          .withKind("ResearchProject")
          .withNamespaced(false)
          .build();
  static KubernetesClient client;
  private static OperatorHarness operator;

  @BeforeAll
  static void storeUnreadableObjectsBeforeTheOperatorStarts() {
    ClusterSeed.installCrds(client);
    client.resource(Fixtures.baseline()).create();
    client.resource(Fixtures.project("first-good")).create();
    storeRaw("newer-fields", spec -> egress(spec).put("rateLimit", "10Mbps"));
    storeRaw("port-as-text", spec -> firstPort(spec).put("port", "https"));
    operator = new OperatorHarness(client, "default", Duration.ofSeconds(1));
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void fieldsThisVersionDoesNotKnowAreIgnored() {
    assertThat(ProjectStatus.awaitReady(client, "newer-fields", "True")).isNotNull();
  }

  @Test
  void anUnreadableProjectSaysWhichFieldAndChangesNothing() {
    ResearchProject bad = ProjectStatus.awaitReady(client, "port-as-text", "False");
    Condition ready = condition(bad, "Ready");

    assertThat(ready.getReason()).isEqualTo("UnreadableSpec");
    assertThat(ready.getMessage())
        .contains("spec.network.egress[0].ports[0].port: 'https' is not a value of type Integer")
        .doesNotContain("Exception");
    assertThat(client.namespaces().withName("port-as-text").get()).isNull();
  }

  @Test
  void goodProjectsConvergeBesideIt() {
    ProjectStatus.awaitReady(client, "first-good", "True");
    client.resource(Fixtures.project("later-good")).create();
    assertThat(ProjectStatus.awaitReady(client, "later-good", "True")).isNotNull();
  }

  private interface SpecEdit {
    void apply(Map<String, Object> spec);
  }

  @SuppressWarnings("unchecked")
  private static void storeRaw(String name, SpecEdit edit) {
    Map<String, Object> object = SERIALIZATION.convertValue(Fixtures.project(name), Map.class);
    edit.apply((Map<String, Object>) object.get("spec"));
    client
        .genericKubernetesResources(PROJECTS)
        .resource(SERIALIZATION.convertValue(object, GenericKubernetesResource.class))
        .create();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstPort(Map<String, Object> spec) {
    return ((List<Map<String, Object>>) egress(spec).get("ports")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> egress(Map<String, Object> spec) {
    Map<String, Object> network = (Map<String, Object>) spec.get("network");
    return ((List<Map<String, Object>>) network.get("egress")).get(0);
  }
}
