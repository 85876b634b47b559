package org.researchclouds.operator.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.network.Endpoint.Address;
import org.researchclouds.operator.network.Endpoint.Pod;
import org.researchclouds.operator.network.PolicyEvaluator.Connection;

/** The cases of the Kubernetes NetworkPolicy documentation, and the semantics they rest on. */
class PolicyEvaluatorTest {
  private static final Pod DB = pod("default", Map.of(), Map.of("role", "db"));
  private static final Pod FRONTEND = pod("default", Map.of(), Map.of("role", "frontend"));
  private static final Pod OTHER_IN_DEFAULT = pod("default", Map.of(), Map.of("role", "cache"));
  private static final Pod IN_MYPROJECT = pod("web", Map.of("project", "myproject"), Map.of());
  private static final Pod FRONTEND_ELSEWHERE =
      pod("web", Map.of("project", "other"), Map.of("role", "frontend"));

  /** The documentation's test-network-policy, in full. */
  private static final NetworkPolicy EXAMPLE =
      policy("default", "test-network-policy", Map.of("role", "db"))
          .editSpec()
          .withPolicyTypes("Ingress", "Egress")
          .addNewIngress()
          .withFrom(
              block("172.17.0.0/16", "172.17.1.0/24"),
              namespaces(Map.of("project", "myproject")),
              pods(Map.of("role", "frontend")))
          .withPorts(port("TCP", 6379, null))
          .endIngress()
          .addNewEgress()
          .withTo(block("10.0.0.0/24"))
          .withPorts(port("TCP", 5978, null))
          .endEgress()
          .endSpec()
          .build();

  @Test
  void theDocumentationsExampleAdmitsItsThreeSourcesOnItsPortOnly() {
    PolicyEvaluator evaluator = new PolicyEvaluator(List.of(EXAMPLE));

    assertThat(evaluator.allows(tcp(address("172.17.0.5"), DB, 6379))).isTrue();
    assertThat(evaluator.allows(tcp(address("172.17.1.5"), DB, 6379)))
        .as("inside the except")
        .isFalse();
    assertThat(evaluator.allows(tcp(IN_MYPROJECT, DB, 6379))).isTrue();
    assertThat(evaluator.allows(tcp(FRONTEND, DB, 6379))).isTrue();
    assertThat(evaluator.allows(tcp(FRONTEND_ELSEWHERE, DB, 6379)))
        .as("a podSelector alone selects in the policy's namespace")
        .isFalse();
    assertThat(evaluator.allows(tcp(FRONTEND, DB, 6380))).isFalse();
    assertThat(evaluator.allows(new Connection(FRONTEND, DB, 6379, "UDP"))).isFalse();
    assertThat(evaluator.allows(tcp(DB, address("10.0.0.7"), 5978))).isTrue();
    assertThat(evaluator.allows(tcp(DB, address("10.0.1.7"), 5978))).isFalse();
    assertThat(evaluator.allows(tcp(DB, address("10.0.0.7"), 443))).isFalse();
    assertThat(evaluator.allows(tcp(address("192.0.2.1"), OTHER_IN_DEFAULT, 9999)))
        .as("a pod no policy selects is open")
        .isTrue();
    assertThat(evaluator.evaluate(tcp(FRONTEND, DB, 6379)).allowedBy())
        .containsExactly("default/test-network-policy");
  }

  @Test
  void defaultDenyAndAllowAllOfTheDocumentation() {
    NetworkPolicy denyIngress =
        policy("default", "default-deny-ingress", Map.of())
            .editSpec()
            .withPolicyTypes("Ingress")
            .endSpec()
            .build();
    NetworkPolicy allowIngress =
        policy("default", "allow-all-ingress", Map.of())
            .editSpec()
            .addNewIngress()
            .endIngress()
            .withPolicyTypes("Ingress")
            .endSpec()
            .build();
    NetworkPolicy denyEgress =
        policy("default", "default-deny-egress", Map.of())
            .editSpec()
            .withPolicyTypes("Egress")
            .endSpec()
            .build();
    NetworkPolicy allowEgress =
        policy("default", "allow-all-egress", Map.of())
            .editSpec()
            .addNewEgress()
            .endEgress()
            .withPolicyTypes("Egress")
            .endSpec()
            .build();
    NetworkPolicy denyAll =
        policy("default", "default-deny-all", Map.of())
            .editSpec()
            .withPolicyTypes("Ingress", "Egress")
            .endSpec()
            .build();
    Connection inbound = tcp(address("192.0.2.1"), DB, 80);
    Connection outbound = tcp(DB, address("192.0.2.1"), 80);

    assertThat(new PolicyEvaluator(List.of(denyIngress)).allows(inbound)).isFalse();
    assertThat(new PolicyEvaluator(List.of(denyIngress)).allows(outbound)).isTrue();
    assertThat(new PolicyEvaluator(List.of(denyIngress, allowIngress)).allows(inbound)).isTrue();
    assertThat(new PolicyEvaluator(List.of(denyEgress)).allows(outbound)).isFalse();
    assertThat(new PolicyEvaluator(List.of(denyEgress)).allows(inbound)).isTrue();
    assertThat(new PolicyEvaluator(List.of(denyEgress, allowEgress)).allows(outbound)).isTrue();
    assertThat(new PolicyEvaluator(List.of(denyAll)).allows(inbound)).isFalse();
    assertThat(new PolicyEvaluator(List.of(denyAll)).allows(outbound)).isFalse();
    assertThat(new PolicyEvaluator(List.of(denyAll)).allows(tcp(FRONTEND, DB, 80)))
        .as("pods of one namespace too")
        .isFalse();
  }

  @Test
  void namespaceAndPodSelectorInOnePeerMeanBothInTwoPeersEither() {
    NetworkPolicy both =
        policy("default", "and", Map.of("role", "db"))
            .editSpec()
            .addNewIngress()
            .withFrom(
                new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(selector(Map.of("user", "alice")))
                    .withPodSelector(selector(Map.of("role", "client")))
                    .build())
            .endIngress()
            .endSpec()
            .build();
    NetworkPolicy either =
        policy("default", "or", Map.of("role", "db"))
            .editSpec()
            .addNewIngress()
            .withFrom(namespaces(Map.of("user", "alice")), pods(Map.of("role", "client")))
            .endIngress()
            .endSpec()
            .build();
    Pod aliceClient = pod("alice", Map.of("user", "alice"), Map.of("role", "client"));
    Pod aliceOther = pod("alice", Map.of("user", "alice"), Map.of());
    Pod localClient = pod("default", Map.of(), Map.of("role", "client"));

    assertThat(new PolicyEvaluator(List.of(both)).allows(tcp(aliceClient, DB, 80))).isTrue();
    assertThat(new PolicyEvaluator(List.of(both)).allows(tcp(aliceOther, DB, 80))).isFalse();
    assertThat(new PolicyEvaluator(List.of(both)).allows(tcp(localClient, DB, 80))).isFalse();
    assertThat(new PolicyEvaluator(List.of(either)).allows(tcp(aliceOther, DB, 80))).isTrue();
    assertThat(new PolicyEvaluator(List.of(either)).allows(tcp(localClient, DB, 80))).isTrue();
  }

  @Test
  void aRangeOfPortsEndsAtEndPort() {
    NetworkPolicy range =
        policy("default", "multi-port-egress", Map.of("role", "db"))
            .editSpec()
            .withPolicyTypes("Egress")
            .addNewEgress()
            .withTo(block("10.0.0.0/24"))
            .withPorts(port("TCP", 32000, 32768))
            .endEgress()
            .endSpec()
            .build();
    PolicyEvaluator evaluator = new PolicyEvaluator(List.of(range));

    assertThat(evaluator.allows(tcp(DB, address("10.0.0.1"), 32000))).isTrue();
    assertThat(evaluator.allows(tcp(DB, address("10.0.0.1"), 32768))).isTrue();
    assertThat(evaluator.allows(tcp(DB, address("10.0.0.1"), 32769))).isFalse();
    assertThat(evaluator.allows(tcp(DB, address("10.0.0.1"), 31999))).isFalse();
  }

  @Test
  void withoutPolicyTypesAPolicyIsolatesEgressOnlyWhenItHasEgressRules() {
    NetworkPolicy ingressOnly =
        policy("default", "implicit", Map.of())
            .editSpec()
            .addNewIngress()
            .endIngress()
            .endSpec()
            .build();
    NetworkPolicy withEgress =
        policy("default", "implicit-egress", Map.of())
            .editSpec()
            .addNewEgress()
            .withTo(block("10.0.0.0/8"))
            .endEgress()
            .endSpec()
            .build();

    assertThat(new PolicyEvaluator(List.of(ingressOnly)).allows(tcp(DB, address("192.0.2.1"), 80)))
        .isTrue();
    assertThat(new PolicyEvaluator(List.of(withEgress)).allows(tcp(DB, address("192.0.2.1"), 80)))
        .isFalse();
    assertThat(new PolicyEvaluator(List.of(withEgress)).allows(tcp(address("192.0.2.1"), DB, 80)))
        .as("and ingress, which it allows nothing of")
        .isFalse();
  }

  @Test
  void aNamespaceIsTargetedByItsNameLabelAndExpressionsHold() {
    NetworkPolicy byName =
        policy("default", "by-name", Map.of())
            .editSpec()
            .addNewIngress()
            .withFrom(namespaces(Map.of("kubernetes.io/metadata.name", "web")))
            .endIngress()
            .endSpec()
            .build();
    NetworkPolicy byExpression =
        policy("default", "by-expression", Map.of())
            .editSpec()
            .addNewIngress()
            .addNewFrom()
            .withNamespaceSelector(
                new LabelSelectorBuilder()
                    .addNewMatchExpression()
                    .withKey("project")
                    .withOperator("NotIn")
                    .withValues("myproject")
                    .endMatchExpression()
                    .build())
            .endFrom()
            .endIngress()
            .endSpec()
            .build();
    Pod inWeb = pod("web", Map.of("kubernetes.io/metadata.name", "web"), Map.of());
    Pod inLab = pod("lab", Map.of("kubernetes.io/metadata.name", "lab"), Map.of());

    assertThat(new PolicyEvaluator(List.of(byName)).allows(tcp(inWeb, DB, 80))).isTrue();
    assertThat(new PolicyEvaluator(List.of(byName)).allows(tcp(inLab, DB, 80))).isFalse();
    assertThat(new PolicyEvaluator(List.of(byExpression)).allows(tcp(IN_MYPROJECT, DB, 80)))
        .isFalse();
    assertThat(new PolicyEvaluator(List.of(byExpression)).allows(tcp(inLab, DB, 80)))
        .as("NotIn holds where the label is absent")
        .isTrue();
  }

  @Test
  void aNamedPortMatchesEveryPortOfItsProtocol() {
    NetworkPolicy named =
        policy("default", "named", Map.of())
            .editSpec()
            .addNewIngress()
            .withPorts(
                new NetworkPolicyPortBuilder()
                    .withPort(new IntOrString("http"))
                    .withProtocol("TCP")
                    .build())
            .endIngress()
            .endSpec()
            .build();

    assertThat(new PolicyEvaluator(List.of(named)).allows(tcp(FRONTEND, DB, 1234))).isTrue();
    assertThat(
            new PolicyEvaluator(List.of(named)).allows(new Connection(FRONTEND, DB, 1234, "UDP")))
        .isFalse();
  }

  @Test
  void bothEndsMustAllow() {
    NetworkPolicy dbAdmitsFrontend =
        policy("default", "db", Map.of("role", "db"))
            .editSpec()
            .addNewIngress()
            .withFrom(pods(Map.of("role", "frontend")))
            .endIngress()
            .endSpec()
            .build();
    NetworkPolicy frontendReachesNothing =
        policy("default", "frontend", Map.of("role", "frontend"))
            .editSpec()
            .withPolicyTypes("Egress")
            .endSpec()
            .build();

    assertThat(new PolicyEvaluator(List.of(dbAdmitsFrontend)).allows(tcp(FRONTEND, DB, 80)))
        .isTrue();
    assertThat(
            new PolicyEvaluator(List.of(dbAdmitsFrontend, frontendReachesNothing))
                .allows(tcp(FRONTEND, DB, 80)))
        .isFalse();
  }

  static Pod pod(
      String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {
    return new Pod(namespace, namespaceLabels, labels);
  }

  static Address address(String ip) {
    return new Address(Cidr.address(ip));
  }

  static Connection tcp(Endpoint from, Endpoint to, int port) {
    return new Connection(from, to, port, "TCP");
  }

  private static NetworkPolicyBuilder policy(
      String namespace, String name, Map<String, String> podSelector) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withPodSelector(selector(podSelector))
        .endSpec();
  }

  private static io.fabric8.kubernetes.api.model.LabelSelector selector(
      Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(labels).build();
  }

  private static NetworkPolicyPeer block(String cidr, String... except) {
    return new NetworkPolicyPeerBuilder()
        .withNewIpBlock()
        .withCidr(cidr)
        .withExcept(except)
        .endIpBlock()
        .build();
  }

  private static NetworkPolicyPeer namespaces(Map<String, String> labels) {
    return new NetworkPolicyPeerBuilder().withNamespaceSelector(selector(labels)).build();
  }

  private static NetworkPolicyPeer pods(Map<String, String> labels) {
    return new NetworkPolicyPeerBuilder().withPodSelector(selector(labels)).build();
  }

  private static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort port(
      String protocol, int port, Integer endPort) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(port))
        .withEndPort(endPort)
        .build();
  }
}
