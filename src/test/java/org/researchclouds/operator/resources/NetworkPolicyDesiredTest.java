package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.EgressException;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ExposureSource;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.Protocol;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

class NetworkPolicyDesiredTest {
  private final SecurityBaseline baseline = Fixtures.baseline();

  @Test
  void deniesEverythingByDefaultAndAllowsTheProjectAndDns() {
    ResearchProject project = Fixtures.project("lab", "lab-a", "lab-b");

    List<NetworkPolicy> policies =
        NetworkPolicyDesired.desired(project, "lab-a", Fixtures.floors(project, baseline));

    NetworkPolicy deny = named(policies, "rp-default-deny");
    assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isEmpty();
    assertThat(deny.getSpec().getEgress()).isEmpty();
    assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isEmpty();

    NetworkPolicy project_ = named(policies, "rp-allow-project");
    NetworkPolicyPeer own = project_.getSpec().getIngress().get(0).getFrom().get(0);
    assertThat(own.getNamespaceSelector().getMatchLabels())
        .as("the project by its identity, never by a name a later project could take")
        .isEqualTo(Map.of("researchclouds.org/project-uid", project.getMetadata().getUid()));
    assertThat(project_.getSpec().getEgress().get(0).getTo()).containsExactly(own);

    NetworkPolicy dns = named(policies, "rp-allow-dns");
    assertThat(dns.getSpec().getPolicyTypes()).containsExactly("Egress");
    assertThat(
            dns.getSpec().getEgress().get(0).getTo().get(0).getNamespaceSelector().getMatchLabels())
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
    assertThat(dns.getSpec().getEgress().get(0).getPorts())
        .extracting(p -> p.getPort().getIntVal() + "/" + p.getProtocol())
        .containsExactly("53/UDP", "53/TCP");
    assertThat(policies)
        .allSatisfy(
            p -> {
              assertThat(p.getMetadata().getNamespace()).isEqualTo("lab-a");
              assertThat(p.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(o -> assertThat(o.getUid()).isEqualTo(project.getMetadata().getUid()));
            });
  }

  @Test
  void exposesDeclaredPortsOnlyToDeclaredSources() {
    Exposure exposure =
        new Exposure(
            "api",
            Map.of("app", "api"),
            List.of(new PortSpec(8443, null, Protocol.TCP), new PortSpec(9000, 9010, Protocol.UDP)),
            new ExposureSource(true, List.of("192.0.2.0/24"), List.of("partner")),
            null,
            null,
            null);
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"), new NetworkSpec(List.of(exposure), null), DeletionPolicy.Retain));

    NetworkPolicy policy =
        named(
            NetworkPolicyDesired.desired(
                project,
                "lab",
                NetworkFloors.of(
                    baseline,
                    project,
                    Map.of("partner", Fixtures.project("partner", "partner")),
                    Fixtures.NOW)),
            "rp-expose-api");

    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Map.of("app", "api"));
    var rule = policy.getSpec().getIngress().get(0);
    assertThat(rule.getFrom()).hasSize(3);
    assertThat(rule.getFrom().get(0).getNamespaceSelector().getMatchLabels())
        .isEqualTo(Map.of("kubernetes.io/metadata.name", Fixtures.INGRESS_NAMESPACE));
    assertThat(rule.getFrom().get(1).getIpBlock().getCidr()).isEqualTo("192.0.2.0/24");
    assertThat(rule.getFrom().get(2).getNamespaceSelector().getMatchLabels())
        .isEqualTo(
            Map.of(
                "researchclouds.org/project-uid",
                Fixtures.project("partner", "partner").getMetadata().getUid()));
    assertThat(rule.getPorts())
        .extracting(p -> p.getPort(), p -> p.getEndPort(), p -> p.getProtocol())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(new IntOrString(8443), null, "TCP"),
            org.assertj.core.groups.Tuple.tuple(new IntOrString(9000), 9010, "UDP"));
  }

  @Test
  void neverWritesAnEmptySourceListThatWouldAdmitEveryone() {
    Exposure viaController =
        new Exposure(
            "web",
            null,
            List.of(new PortSpec(80, null, null)),
            new ExposureSource(true, null, null),
            null,
            null,
            null);
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"),
                new NetworkSpec(List.of(viaController), null),
                DeletionPolicy.Retain));
    SecurityBaseline noController = Fixtures.with(baseline, "ingressController", null);

    NetworkPolicy policy =
        named(
            NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, noController)),
            "rp-expose-web");

    assertThat(policy.getSpec().getIngress()).isEmpty();
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
  }

  @Test
  void opensDeclaredEgressButKeepsBlockedPortsClosedInsideRanges() {
    Egress everything =
        new Egress(
            "all", List.of("0.0.0.0/0"), null, List.of(new PortSpec(1, 65535, Protocol.TCP)));
    Egress mailOnly =
        new Egress("mail", List.of("0.0.0.0/0"), null, List.of(new PortSpec(25, 25, Protocol.TCP)));
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"),
                new NetworkSpec(null, List.of(everything, mailOnly)),
                DeletionPolicy.Retain));

    List<NetworkPolicy> policies =
        NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, baseline));

    var all = named(policies, "rp-egress-all").getSpec().getEgress().get(0);
    assertThat(all.getTo().get(0).getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
    assertThat(all.getPorts())
        .hasSize(4)
        .noneSatisfy(
            p -> {
              int first = p.getPort().getIntVal();
              int last = p.getEndPort() == null ? first : p.getEndPort();
              assertThat(first <= 25 && 25 <= last).isTrue();
            });
    assertThat(named(policies, "rp-egress-mail").getSpec().getEgress())
        .as("a range of blocked ports only must not become an allow-all rule")
        .isEmpty();
  }

  @Test
  void everyRangeLeavesOutTheDeniedRangesInsideIt() {
    Egress anywhere =
        new Egress(
            "anywhere",
            List.of("0.0.0.0/0", "::/0", "10.0.0.0/8"),
            null,
            List.of(new PortSpec(443, null, null)));
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"), new NetworkSpec(null, List.of(anywhere)), DeletionPolicy.Retain));

    var to =
        named(
                NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, baseline)),
                "rp-egress-anywhere")
            .getSpec()
            .getEgress()
            .get(0)
            .getTo();

    assertThat(to.get(0).getIpBlock().getExcept()).containsExactly("169.254.169.254/32");
    assertThat(to.get(1).getIpBlock().getExcept()).containsExactly("fd00:ec2::254/128");
    assertThat(to.get(2).getIpBlock().getExcept()).isEmpty();
  }

  @Test
  void egressToAProjectSelectsItsIdentityAndNothingWhileItDoesNotExist() {
    Egress imaging =
        new Egress("imaging", null, List.of("partner"), List.of(new PortSpec(25, null, null)));
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"), new NetworkSpec(null, List.of(imaging)), DeletionPolicy.Retain));
    ResearchProject partner = Fixtures.project("partner", "partner");

    var rule =
        named(
                NetworkPolicyDesired.desired(
                    project,
                    "lab",
                    NetworkFloors.of(baseline, project, Map.of("partner", partner), Fixtures.NOW)),
                "rp-egress-imaging")
            .getSpec()
            .getEgress()
            .get(0);
    var absent =
        named(
                NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, baseline)),
                "rp-egress-imaging")
            .getSpec()
            .getEgress();

    assertThat(rule.getTo().get(0).getNamespaceSelector().getMatchLabels())
        .isEqualTo(Map.of(Names.PROJECT_UID_LABEL, partner.getMetadata().getUid()));
    assertThat(rule.getPorts().get(0).getPort().getIntVal())
        .as("a blocked port inside the cluster is no abuse of the Internet")
        .isEqualTo(25);
    assertThat(absent).as("no rule, rather than one that reaches everywhere").isEmpty();
  }

  @Test
  void aGrantedPortOpensUntilItExpires() {
    Egress mail =
        new Egress("mail", List.of("192.0.2.0/24"), null, List.of(new PortSpec(25, null, null)));
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"), new NetworkSpec(null, List.of(mail)), DeletionPolicy.Retain));
    SecurityBaseline granted =
        Fixtures.with(
            baseline,
            "egressExceptions",
            List.of(new EgressException("lab", 25, null, "relay", "2026-12-01T00:00:00Z")));

    assertThat(
            named(
                    NetworkPolicyDesired.desired(project, "lab", Fixtures.floors(project, granted)),
                    "rp-egress-mail")
                .getSpec()
                .getEgress())
        .hasSize(1);
    assertThat(
            named(
                    NetworkPolicyDesired.desired(
                        project,
                        "lab",
                        NetworkFloors.of(
                            granted, project, Map.of(), Instant.parse("2026-12-01T00:00:00Z"))),
                    "rp-egress-mail")
                .getSpec()
                .getEgress())
        .isEmpty();
    assertThat(NetworkFloors.nextExpiry(granted, project, Fixtures.NOW))
        .contains(Instant.parse("2026-12-01T00:00:00Z"));
  }

  private static NetworkPolicy named(List<NetworkPolicy> policies, String name) {
    return policies.stream()
        .filter(p -> p.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
