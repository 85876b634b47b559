package org.researchclouds.operator.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.resources.NetworkPolicyDesired;

@EnableKubernetesMockClient(crud = true)
class AuditTrailTest {
  static KubernetesClient client;

  /** Where Events about a cluster-scoped object live. */
  private static final String NAMESPACE = "default";

  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final AuditTrail trail =
      new AuditTrail(client, Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

  /** The server lives as long as the class: each test starts without Events. */
  @AfterEach
  void removeEvents() {
    List.of(NAMESPACE, "lab")
        .forEach(namespace -> client.v1().events().inNamespace(namespace).delete());
  }

  @Test
  void oneReconcileRecordsOneEventOnTheProject() {
    List<NetworkPolicy> policies =
        NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, Fixtures.baseline()));
    policies.forEach(
        p -> trail.changed(project, "Created", p, "part of the project's guard rails"));
    trail.flush(project);

    assertThat(events(NAMESPACE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getReason()).isEqualTo("Created");
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("ResearchProject");
              assertThat(e.getInvolvedObject().getName()).isEqualTo("lab");
              assertThat(e.getMessage())
                  .startsWith(
                      "Created (part of the project's guard rails): NetworkPolicy lab/rp-default-deny,")
                  .contains("NetworkPolicy lab/rp-allow-dns");
            });
    assertThat(events("lab"))
        .as("an Event about a cluster-scoped object lives in default")
        .isEmpty();
    trail.flush(project);
    assertThat(events(NAMESPACE)).as("nothing changed since").hasSize(1);
  }

  @Test
  void theSameDriftRepairedAgainRecordsNoSecondEvent() {
    NetworkPolicy policy =
        NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, Fixtures.baseline()))
            .get(0);
    for (int i = 0; i < 3; i++) {
      trail.changed(
          project, "Updated", policy, "restored to what the project and baseline require");
      trail.flush(project);
    }

    assertThat(events(NAMESPACE)).filteredOn(e -> e.getReason().equals("Updated")).hasSize(1);
  }

  @Test
  void anEventCreatedAheadUnderTheNameDoesNotHideTheRecord() {
    NetworkPolicy policy =
        NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, Fixtures.baseline()))
            .get(0);
    trail.changed(project, "Deleted", policy, "a test");
    trail.flush(project);
    Event first =
        events(NAMESPACE).stream()
            .filter(e -> e.getReason().equals("Deleted"))
            .findFirst()
            .orElseThrow();
    client.v1().events().inNamespace(NAMESPACE).withName(first.getMetadata().getName()).delete();
    first.getMetadata().setResourceVersion(null);
    first.setMessage("nothing happened here");
    client.v1().events().inNamespace(NAMESPACE).resource(first).create();

    trail.changed(project, "Deleted", policy, "a test");
    trail.flush(project);

    assertThat(events(NAMESPACE))
        .filteredOn(e -> e.getReason().equals("Deleted"))
        .extracting(Event::getMessage)
        .containsExactlyInAnyOrder(
            "nothing happened here", "Deleted (a test): NetworkPolicy lab/rp-default-deny.");
  }

  @Test
  void aLongListTakesSeveralEventsAndNamesEveryObject() {
    for (int i = 0; i < 60; i++) {
      NetworkPolicy policy =
          NetworkPolicyDesired.desired(
                  project, "lab", Fixtures.floors(project, Fixtures.baseline()))
              .get(0);
      policy.getMetadata().setName("rp-expose-a-rather-long-exposure-name-" + i);
      trail.changed(project, "Created", policy, "part of the project's guard rails");
    }
    trail.flush(project);

    List<Event> created =
        events(NAMESPACE).stream().filter(e -> e.getReason().equals("Created")).toList();
    assertThat(created)
        .hasSizeGreaterThan(1)
        .allSatisfy(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(1000));
    for (int i = 0; i < 60; i++) {
      String name = "lab/rp-expose-a-rather-long-exposure-name-" + i;
      assertThat(created)
          .anySatisfy(
              e ->
                  assertThat(e.getMessage())
                      .containsPattern(java.util.regex.Pattern.quote(name) + "[,.]"));
    }
  }

  private static List<Event> events(String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems();
  }
}
