package org.researchclouds.operator.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.api.EgressException;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.network.Endpoint.Address;
import org.researchclouds.operator.network.Endpoint.Pod;
import org.researchclouds.operator.network.PolicyEvaluator.Connection;
import org.researchclouds.operator.resources.NamespaceDesired;
import org.researchclouds.operator.resources.NetworkFloors;
import org.researchclouds.operator.resources.NetworkPolicyDesired;

/**
 * Who reaches whom once the operator has applied the example projects under the example baseline,
 * among themselves and the platform's namespaces. The README's network table is this matrix.
 */
class ConnectivityMatrixTest {

  /** The example baseline, with the node network denied and a grant of the submission port. */
  private static final SecurityBaseline BASELINE =
      Fixtures.with(
          Fixtures.with(
              Fixtures.example(SecurityBaseline.class, "default"),
              "deniedCidrs",
              List.of(
                  new DeniedCidr("169.254.169.254/32", "cloud instance metadata"),
                  new DeniedCidr("10.0.0.0/16", "node network"))),
          "egressExceptions",
          List.of(
              new EgressException(
                  "climate-model", 587, null, "results by mail", "2027-03-31T00:00:00Z")));

  private static final Pod INGRESS_CONTROLLER =
      platformPod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
  private static final Pod BESIDE_INGRESS_CONTROLLER =
      platformPod("ingress-nginx", Map.of("app", "debug-shell"));
  private static final Pod DNS = platformPod("kube-system", Map.of("k8s-app", "kube-dns"));
  private static final Address METADATA = new Address(Cidr.address("169.254.169.254"));
  private static final Address NODE = new Address(Cidr.address("10.0.3.4"));
  private static final Address INTERNET = new Address(Cidr.address("198.51.100.7"));

  private record Row(String what, Connection connection, boolean reachable) {}

  @Test
  void theExamplesReachWhatTheyDeclareAndNothingElse() {
    Cluster cluster = new Cluster(BASELINE, UnaryOperator.identity());
    Pod portal = cluster.pod("genomics-lab-web", Map.of("app", "portal"));
    Pod pipeline = cluster.pod("genomics-lab", Map.of("app", "pipeline"));
    Pod model = cluster.pod("climate-model", Map.of("app", "model"));
    Pod imagingApi = cluster.pod("neuro-imaging", Map.of("app", "imaging-api"));
    Pod cohort = cluster.pod("cardio-cohort", Map.of());

    List<Row> rows =
        List.of(
            new Row(
                "ingress controller to an exposure", tcp(INGRESS_CONTROLLER, portal, 8080), true),
            new Row(
                "ingress controller to an undeclared port",
                tcp(INGRESS_CONTROLLER, portal, 22),
                false),
            new Row(
                "another pod in the ingress controller's namespace",
                tcp(BESIDE_INGRESS_CONTROLLER, portal, 8080),
                false),
            new Row(
                "a project pod to the cluster DNS", new Connection(pipeline, DNS, 53, "UDP"), true),
            new Row(
                "a project pod to the cluster DNS on another port", tcp(pipeline, DNS, 443), false),
            new Row("Internet egress declared for 1-65535", tcp(model, INTERNET, 443), true),
            new Row("cloud metadata inside that egress range", tcp(model, METADATA, 80), false),
            new Row("the node network, which the platform denies", tcp(model, NODE, 10250), false),
            new Row("SMTP inside that egress range", tcp(model, INTERNET, 25), false),
            new Row(
                "the submission port, granted to climate-model", tcp(model, INTERNET, 587), true),
            new Row("cross-project, both sides agree", tcp(model, imagingApi, 9000), true),
            new Row("cross-project, the reverse direction", tcp(imagingApi, model, 9000), false),
            new Row("a project's namespaces among themselves", tcp(pipeline, portal, 5432), true),
            new Row(
                "one project to another that exposes nothing to it",
                tcp(pipeline, imagingApi, 9000),
                false),
            new Row(
                "an outside address to a restricted project",
                tcp(INTERNET, imagingApi, 9000),
                false),
            new Row("a restricted project to the Internet", tcp(imagingApi, INTERNET, 443), false),
            new Row(
                "a sensitive project to its declared gateway",
                tcp(cohort, new Address(Cidr.address("10.40.12.9")), 22),
                true));

    assertMatrix(cluster, rows);
  }

  @Test
  void crossProjectTrafficNeedsBothSides() {
    Cluster noEgress =
        new Cluster(
            BASELINE,
            project -> "climate-model".equals(name(project)) ? withoutEgress(project) : project);
    Cluster noExposure =
        new Cluster(
            BASELINE,
            project -> "neuro-imaging".equals(name(project)) ? withoutExposure(project) : project);

    Connection call =
        tcp(
            noEgress.pod("climate-model", Map.of()),
            noEgress.pod("neuro-imaging", Map.of("app", "imaging-api")),
            9000);
    assertThat(noEgress.evaluator().allows(call)).as("exposure only").isFalse();
    assertThat(noExposure.evaluator().allows(call)).as("egress only").isFalse();
  }

  @Test
  void aProjectCreatedAgainUnderAPeersNameIsNotThatPeer() {
    Cluster cluster = new Cluster(BASELINE, UnaryOperator.identity());
    Pod imagingApi = cluster.pod("neuro-imaging", Map.of("app", "imaging-api"));
    Map<String, String> impostorLabels = new TreeMap<>(cluster.namespaceLabels("climate-model"));
    impostorLabels.put("researchclouds.org/project-uid", UUID.randomUUID().toString());
    impostorLabels.put("kubernetes.io/metadata.name", "climate-model-2");
    Pod impostor = new Pod("climate-model-2", impostorLabels, Map.of());

    assertThat(cluster.evaluator().allows(tcp(impostor, imagingApi, 9000))).isFalse();
  }

  @Test
  void anExpiredGrantClosesThePortAgain() {
    SecurityBaseline expired =
        Fixtures.with(
            BASELINE,
            "egressExceptions",
            List.of(
                new EgressException(
                    "climate-model", 587, null, "expired ticket", "2026-11-28T11:59:59Z")));
    Cluster cluster = new Cluster(expired, UnaryOperator.identity());

    assertThat(
            cluster.evaluator().allows(tcp(cluster.pod("climate-model", Map.of()), INTERNET, 587)))
        .isFalse();
  }

  private static void assertMatrix(Cluster cluster, List<Row> rows) {
    StringBuilder table = new StringBuilder("| connection | from | to | port | reachable |\n");
    table.append("| --- | --- | --- | --- | --- |\n");
    List<String> wrong = new ArrayList<>();
    for (Row row : rows) {
      boolean reachable = cluster.evaluator().allows(row.connection());
      Connection c = row.connection();
      table.append(
          String.format(
              "| %s | %s | %s | %d/%s | %s |%n",
              row.what(), c.from(), c.to(), c.port(), c.protocol(), reachable ? "yes" : "no"));
      if (reachable != row.reachable()) {
        wrong.add(row.what() + ": " + (reachable ? "reachable" : "unreachable"));
      }
    }
    System.out.print(table);
    assertThat(wrong).isEmpty();
  }

  /** The example projects' namespaces and policies, as the operator writes them. */
  private static final class Cluster {
    private final Map<String, Map<String, String>> namespaceLabels = new LinkedHashMap<>();
    private final List<NetworkPolicy> policies = new ArrayList<>();

    Cluster(SecurityBaseline baseline, UnaryOperator<ResearchProject> edit) {
      Map<String, ResearchProject> projects = new LinkedHashMap<>();
      Fixtures.EXAMPLES.stream()
          .filter(ResearchProject.class::isInstance)
          .map(ResearchProject.class::cast)
          .map(p -> Fixtures.project(p.getMetadata().getName(), p.getSpec()))
          .map(edit)
          .forEach(p -> projects.put(name(p), p));
      for (ResearchProject project : projects.values()) {
        Map<String, ResearchProject> peers = new LinkedHashMap<>();
        project.peerNames().stream()
            .filter(projects::containsKey)
            .forEach(n -> peers.put(n, projects.get(n)));
        NetworkFloors floors = NetworkFloors.of(baseline, project, peers, Fixtures.NOW);
        for (String namespace : project.namespaceNames()) {
          Map<String, String> labels =
              new TreeMap<>(
                  NamespaceDesired.desired(project, namespace, baseline).getMetadata().getLabels());
          labels.put("kubernetes.io/metadata.name", namespace);
          namespaceLabels.put(namespace, labels);
          policies.addAll(NetworkPolicyDesired.desired(project, namespace, floors));
        }
      }
    }

    Pod pod(String namespace, Map<String, String> labels) {
      return new Pod(namespace, namespaceLabels(namespace), labels);
    }

    Map<String, String> namespaceLabels(String namespace) {
      return namespaceLabels.get(namespace);
    }

    PolicyEvaluator evaluator() {
      return new PolicyEvaluator(policies);
    }
  }

  private static Pod platformPod(String namespace, Map<String, String> labels) {
    return new Pod(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels);
  }

  private static Connection tcp(Endpoint from, Endpoint to, int port) {
    return new Connection(from, to, port, "TCP");
  }

  private static String name(ResearchProject project) {
    return project.getMetadata().getName();
  }

  private static ResearchProject withoutEgress(ResearchProject project) {
    return Fixtures.with(
        project,
        "network",
        new org.researchclouds.operator.api.NetworkSpec(
            project.getSpec().networkOrEmpty().exposures(),
            project.getSpec().networkOrEmpty().egressOrEmpty().stream()
                .filter(e -> e.projectsOrEmpty().isEmpty())
                .toList()));
  }

  private static ResearchProject withoutExposure(ResearchProject project) {
    return Fixtures.with(
        project,
        "network",
        new org.researchclouds.operator.api.NetworkSpec(
            List.of(), project.getSpec().networkOrEmpty().egress()));
  }
}
