package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.researchclouds.operator.ProjectStatus.responsibility;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.researchclouds.operator.ProjectStatus;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.argocd.ArgoHealthScript;
import picocli.CommandLine;

/**
 * `make run` without a cluster: the command starts the in-memory API server, seeds it with
 * examples/, and the example projects reach Ready with the states that a cluster without Velero
 * gives, which the live table and Argo CD's health check then show.
 */
class InMemoryRunIT {
  private static final List<String> EXAMPLES =
      List.of("cardio-cohort", "genomics-lab", "intro-data-science");
  private static final Pattern SERVER = Pattern.compile("API server .* at (http://\\S+/)");
  private static final Pattern ENDPOINTS = Pattern.compile("health and metrics on :(\\d+)");

  @Test
  void theExamplesReachReadyOnTheInMemoryServer(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (TestKubeconfig nowhere = TestKubeconfig.unreachable(dir)) {
      Thread run =
          new Thread(
              () ->
                  new CommandLine(new Main())
                      .setOut(new PrintWriter(out, true))
                      .setErr(new PrintWriter(err, true))
                      .execute(
                          "run",
                          "--when-unreachable=inMemory",
                          "--http-port=0",
                          "--log-file=" + dir.resolve("operator.log")));
      run.start();
      try {
        String server = awaitLine(out, SERVER);
        int port = Integer.parseInt(awaitLine(out, ENDPOINTS));
        try (KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl(server).build())
                .build()) {
          EXAMPLES.forEach(name -> ProjectStatus.awaitReady(client, name, "True"));
          EXAMPLES.forEach(name -> assertStatesWithoutVelero(ProjectStatus.get(client, name)));
          ArgoHealthScript argo = new ArgoHealthScript();
          for (String name : EXAMPLES) {
            Map<?, ?> live =
                Serialization.unmarshal(
                    Serialization.asJson(ProjectStatus.get(client, name)), Map.class);
            assertThat(argo.evaluate(live).status()).as(name).isEqualTo("Healthy");
          }
        }
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(port, "/metrics").body())
            .contains("operator_sdk_controllers_execution_reconcile_seconds_count")
            .contains("jvm_memory_used_bytes");
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(out.toString())
                        .contains(
                            "intro-data-science  public          True   5/7              3/7       3/3")
                        .contains("tenant/backup-recovery Unknown (VeleroNotInstalled)"));
      } finally {
        run.interrupt();
        run.join(Duration.ofSeconds(20).toMillis());
      }
      assertThat(run.isAlive()).as("the command stops when interrupted").isFalse();
      assertThat(err.toString())
          .contains("No Kubernetes cluster is reachable")
          .doesNotContain("\tat ");
    }
  }

  /** Guard rails in place; backups and patching are open, as neither Velero nor a scanner runs. */
  private static void assertStatesWithoutVelero(ResearchProject project) {
    for (String met :
        List.of(
            "tenant/data-protection",
            "tenant/workload-ownership",
            "tenant/limited-exposure",
            "tenant/least-privilege",
            "shared/compliance",
            "shared/good-net-citizen")) {
      assertThat(responsibility(project, met).state())
          .as(
              project.getMetadata().getName()
                  + " "
                  + met
                  + ": "
                  + responsibility(project, met).message())
          .isEqualTo(ResponsibilityState.Met);
    }
    assertThat(responsibility(project, "tenant/backup-recovery").reason())
        .isEqualTo("VeleroNotInstalled");
    assertThat(responsibility(project, "tenant/backup-recovery").state())
        .isEqualTo(ResponsibilityState.Unknown);
    assertThat(responsibility(project, "platform/backup-service").state())
        .isEqualTo(ResponsibilityState.NotMet);
    // Backups and patching cannot be judged without Velero and a scanner.
    assertThat(project.getStatus().getSummary().tenant()).isEqualTo("5/7");
  }

  private static String awaitLine(StringWriter out, Pattern pattern) {
    Matcher[] found = new Matcher[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> (found[0] = pattern.matcher(out.toString())).find());
    return found[0].group(1);
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
