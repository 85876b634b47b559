package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.ExtraPolicies;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/** Which extra NetworkPolicies open a project namespace: every way a policy can widen it. */
class NetworkPolicyAuditTest {
  private final ResearchProject project = Fixtures.project("lab", "lab", "lab-b");
  private final SecurityBaseline baseline = Fixtures.baseline();
  private final List<String> namespaces = List.of("lab", "lab-b");

  @Test
  void ingressFromOutsideTheProjectWidens() {
    assertThat(widens(openIngress())).as("a rule with no sources admits everyone").isTrue();
    assertThat(widens(ingressFromIpBlock())).isTrue();
    assertThat(widens(ingressFromNamespaces("team", "other"))).isTrue();
    assertThat(widens(ingressFromAllNamespaces())).isTrue();
  }

  @Test
  void ingressFromWithinTheProjectDoesNotWiden() {
    assertThat(widens(ingressFromOwnPods())).isFalse();
    assertThat(
            widens(
                ingressFromNamespaces(
                    "researchclouds.org/project-uid", project.getMetadata().getUid())))
        .isFalse();
    assertThat(widens(ingressFromNamespaces("researchclouds.org/project", "lab")))
        .as("a name that a later project could take")
        .isTrue();
    assertThat(widens(ingressFromNamespaces("kubernetes.io/metadata.name", "lab-b"))).isFalse();
  }

  @Test
  void egressToBlockedPortsWidensUnlessDeclaredByItself() {
    NetworkPolicy anyPort = egress(null, null);
    NetworkPolicy mailRange = egress(20, 30);
    NetworkPolicy https = egress(443, null);

    assertThat(widens(anyPort)).isTrue();
    assertThat(widens(mailRange)).isTrue();
    assertThat(widens(https)).isFalse();

    ResearchProject declaresMail =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                namespaces,
                new NetworkSpec(
                    null,
                    List.of(
                        new Egress(
                            "mail",
                            List.of("0.0.0.0/0"),
                            List.of(
                                new PortSpec(25, null, null),
                                new PortSpec(465, null, null),
                                new PortSpec(587, null, null))))),
                DeletionPolicy.Retain));
    assertThat(NetworkPolicyAudit.widensExposure(anyPort, declaresMail, baseline, namespaces))
        .isFalse();
  }

  @Test
  void egressThatStaysInTheClusterOpensNoBlockedPort() {
    NetworkPolicy toPods =
        new NetworkPolicyBuilder(egress(null, null))
            .editSpec()
            .editFirstEgress()
            .withTo(ExtraPolicies.pods(Map.of()))
            .endEgress()
            .endSpec()
            .build();

    assertThat(widens(toPods)).isFalse();
  }

  @Test
  void theOperatorsOwnPoliciesNeverCount() {
    NetworkPolicy managed =
        new NetworkPolicyBuilder(openIngress())
            .editMetadata()
            .addToLabels("researchclouds.org/project", "lab")
            .addToLabels("app.kubernetes.io/managed-by", "researchproject-operator")
            .endMetadata()
            .build();

    assertThat(widens(managed)).isFalse();
  }

  private boolean widens(NetworkPolicy policy) {
    return NetworkPolicyAudit.widensExposure(policy, project, baseline, namespaces);
  }

  private static NetworkPolicy openIngress() {
    return ExtraPolicies.openIngress("lab", "extra");
  }

  private static NetworkPolicy ingressFromIpBlock() {
    return ExtraPolicies.ingressFrom("lab", "extra", ExtraPolicies.ipBlock("10.0.0.0/8"));
  }

  private static NetworkPolicy ingressFromOwnPods() {
    return ExtraPolicies.ingressFrom("lab", "extra", ExtraPolicies.pods(Map.of("app", "x")));
  }

  private static NetworkPolicy ingressFromNamespaces(String key, String value) {
    return ExtraPolicies.ingressFrom("lab", "extra", ExtraPolicies.namespaces(Map.of(key, value)));
  }

  private static NetworkPolicy ingressFromAllNamespaces() {
    return ExtraPolicies.ingressFrom("lab", "extra", ExtraPolicies.namespaces(Map.of()));
  }

  private static NetworkPolicy egress(Integer port, Integer endPort) {
    return ExtraPolicies.egressAnywhere("lab", "extra", port, endPort);
  }
}
