package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.controls.ControlCatalogue.Evaluation;
import org.researchclouds.operator.controls.Finding;
import org.researchclouds.operator.local.ClusterSeed;

/**
 * A status written from a stale copy of the project, as a reconcile does when the informer has not
 * yet seen the previous write: the way 20 of 500 projects came to carry seven conditions.
 */
@EnableKubernetesMockClient(crud = true)
class StatusWriterTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final String STATUS_PATH =
      "/apis/researchclouds.org/v1alpha1/researchprojects/genomics-lab/status";
  static KubernetesClient client;
  static KubernetesMockServer server;

  private final StatusAggregator aggregator =
      new StatusAggregator(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
  private ResearchProject stale;

  @BeforeEach
  void storeAProjectWhoseFullStatusTheCacheHasNotSeen() {
    ClusterSeed.installCrds(client);
    client.resources(ResearchProject.class).withName("genomics-lab").delete();
    ResearchProject created = client.resource(Fixtures.project("genomics-lab")).create();
    created.setStatus(
        aggregator.withReadiness(created, Readiness.notReady("Pending", "not yet evaluated")));
    stale = client.resource(created).updateStatus();
    ResearchProject fresh = SERIALIZATION.clone(stale);
    fresh.setStatus(evaluated(fresh));
    client.resource(fresh).updateStatus();
  }

  @Test
  void aPatchComputedAgainstTheStaleCopyDuplicatesConditions() {
    // JOSDK's patchStatus without server-side apply: a JSON patch from the copy the reconcile
    // read, sent without its resourceVersion.
    ResearchProject read = SERIALIZATION.clone(stale);
    read.getMetadata().setResourceVersion(null);
    client.resource(read).editStatus(project -> withStatus(project, evaluated(project)));

    assertThat(types(stored()))
        .hasSize(7)
        .containsOnly(
            "Ready",
            "TenantResponsibilitiesMet",
            "PlatformResponsibilitiesMet",
            "SharedResponsibilitiesMet");
  }

  @Test
  void theWriterSendsTheVersionItReadAndTakesAConflictAsNotWritten() throws Exception {
    // The in-memory server does not compare resourceVersions on the status subresource; a real
    // one answers a stale one with 409, as this expectation does.
    server
        .expect()
        .put()
        .withPath(STATUS_PATH)
        .andReturn(HttpURLConnection.HTTP_CONFLICT, conflict())
        .once();
    StatusWriter writer = new StatusWriter(client);

    assertThat(writer.write(SERIALIZATION.clone(stale), evaluated(stale))).isEmpty();
    RecordedRequest put = server.getLastRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(SERIALIZATION.unmarshal(put.getBody().readUtf8(), ResearchProject.class))
        .extracting(p -> p.getMetadata().getResourceVersion())
        .isEqualTo(stale.getMetadata().getResourceVersion());
    assertThat(types(stored())).hasSize(4).doesNotHaveDuplicates();

    ResearchProject fresh = stored();
    assertThat(writer.write(fresh, evaluated(fresh))).isPresent();
    assertThat(types(stored())).hasSize(4).doesNotHaveDuplicates();
  }

  private static Status conflict() {
    return new StatusBuilder()
        .withCode(HttpURLConnection.HTTP_CONFLICT)
        .withReason("Conflict")
        .withMessage("the object has been modified")
        .build();
  }

  private ResearchProjectStatus evaluated(ResearchProject project) {
    List<Evaluation> evaluations =
        List.of(
            new Evaluation("tenant/a", Owner.Tenant, met()),
            new Evaluation("platform/b", Owner.Platform, met()),
            new Evaluation("shared/c", Owner.Shared, met()));
    return aggregator.build(
        project,
        Readiness.ready("In place."),
        evaluations,
        List.of("genomics-lab"),
        null,
        List.of(),
        List.of());
  }

  private static Finding met() {
    return Finding.met("Checked", "Checked.");
  }

  private static ResearchProject withStatus(ResearchProject project, ResearchProjectStatus status) {
    project.setStatus(status);
    return project;
  }

  private ResearchProject stored() {
    return client.resources(ResearchProject.class).withName("genomics-lab").get();
  }

  private static List<String> types(ResearchProject project) {
    return project.getStatus().getConditions().stream().map(Condition::getType).toList();
  }
}
