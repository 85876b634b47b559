package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.researchclouds.operator.ProjectStatus.condition;
import static org.researchclouds.operator.ProjectStatus.responsibility;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.researchclouds.operator.ExtraPolicies;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.OperatorHarness;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.api.EnforcementMode;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;

/** A platform whose baseline comes late and then enforces: unmanaged widening policies go. */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(OrderAnnotation.class)
class EnforcementIT {
  private static final String BASELINE = "strict";
  static KubernetesClient client;
  private static OperatorHarness operator;

  @BeforeAll
  static void startOperator() {
    operator = new OperatorHarness(client, BASELINE, Duration.ofMinutes(5));
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  @Order(1)
  void waitsForTheBaselineAndAppliesNothingUntilItExists() {
    client.resource(Fixtures.project("early", "early")).create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(condition(get("early"), "Ready").getReason())
                    .isEqualTo("BaselineNotFound"));
    assertThat(client.namespaces().withName("early").get()).isNull();

    client.resource(Fixtures.baseline(BASELINE, EnforcementMode.Enforce)).create();

    ProjectStatus.awaitReady(client, "early", "True");
    assertThat(client.namespaces().withName("early").get()).isNotNull();
  }

  @Test
  @Order(2)
  void removesUnmanagedPoliciesThatOpenTheProjectAndSaysSo() {
    client.resource(Fixtures.project("guarded", "guarded")).create();
    ProjectStatus.awaitReady(client, "guarded", "True");

    client.resource(ExtraPolicies.egressAnywhere("guarded", "smtp-out", null, null)).create();
    client
        .resource(
            ExtraPolicies.ingressFrom("guarded", "same-namespace", ExtraPolicies.pods(Map.of())))
        .create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .network()
                            .v1()
                            .networkPolicies()
                            .inNamespace("guarded")
                            .withName("smtp-out")
                            .get())
                    .isNull());
    assertThat(
            client
                .network()
                .v1()
                .networkPolicies()
                .inNamespace("guarded")
                .withName("same-namespace")
                .get())
        .as("a policy that admits only the namespace's own pods widens nothing")
        .isNotNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(responsibility(get("guarded"), "tenant/limited-exposure").state())
                  .isEqualTo(ResponsibilityState.Met);
              assertThat(responsibility(get("guarded"), "shared/good-net-citizen").state())
                  .isEqualTo(ResponsibilityState.Met);
            });
    assertThat(client.v1().events().inAnyNamespace().list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("RemovedUnmanagedPolicy");
              assertThat(e.getMessage()).contains("guarded/smtp-out");
            });
  }

  @Test
  @Order(3)
  void removesBindingsThatGiveOutsidersAdminRights() {
    client.resource(Fixtures.project("locked-down", "locked-down")).create();
    ProjectStatus.awaitReady(client, "locked-down", "True");

    client.resource(Fixtures.adminBinding("locked-down", "mallory")).create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .rbac()
                            .roleBindings()
                            .inNamespace("locked-down")
                            .withName("extra-admin")
                            .get())
                    .isNull());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(responsibility(get("locked-down"), "tenant/least-privilege").state())
                    .isEqualTo(ResponsibilityState.Met));
    assertThat(client.v1().events().inAnyNamespace().list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("RemovedUnmanagedBinding"));
  }

  private static ResearchProject get(String name) {
    return ProjectStatus.get(client, name);
  }
}
