package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.ExtraPolicies;
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
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.NetworkFloors;
import org.researchclouds.operator.resources.NetworkPolicyDesired;

/** The two network controls judge what is reachable, and say what the platform and peers allow. */
class NetworkControlsTest {
  private static final List<PortSpec> MAIL = List.of(new PortSpec(25, null, Protocol.TCP));

  private final SecurityBaseline baseline = Fixtures.baseline();
  private final ResearchProject project = Fixtures.project("lab", "lab");

  @Test
  void aPolicyThatOpensTheMetadataServiceIsNamed() {
    Observation applied = Fixtures.applied(project, baseline);
    applied
        .policies()
        .get("lab")
        .add(
            new NetworkPolicyBuilder(ExtraPolicies.egressAnywhere("lab", "to-metadata", 80, null))
                .editSpec()
                .editFirstEgress()
                .withTo(ExtraPolicies.ipBlock("169.254.0.0/16"))
                .endEgress()
                .endSpec()
                .build());

    Finding finding = new GoodNetCitizenControl().evaluate(applied);

    assertThat(finding.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(finding.reason()).isEqualTo("DeniedDestinationReachable");
    assertThat(finding.message())
        .startsWith(
            "NetworkPolicy lab/to-metadata let pods in lab reach 169.254.169.254 on 80/TCP (and 5"
                + " more such connections), inside 169.254.169.254/32 (cloud instance metadata), which the"
                + " SecurityBaseline denies to every project; delete the policy.")
        .as("the policy is named once, for the worst it opens")
        .doesNotContain("UndeclaredEgress")
        .doesNotContain("which no egress declares");
  }

  @Test
  void aPolicyThatWidensEgressBeyondTheSpecIsNamed() {
    ResearchProject noEgress =
        Fixtures.project(
            "lab",
            Fixtures.spec(List.of("lab"), new NetworkSpec(null, null), DeletionPolicy.Retain));
    Observation applied = Fixtures.applied(noEgress, baseline);
    applied
        .policies()
        .get("lab")
        .add(
            new NetworkPolicyBuilder(ExtraPolicies.egressAnywhere("lab", "to-web", 443, null))
                .editSpec()
                .editFirstEgress()
                .withTo(ExtraPolicies.ipBlock("0.0.0.0/1"))
                .endEgress()
                .endSpec()
                .build());

    Finding finding = new GoodNetCitizenControl().evaluate(applied);

    assertThat(finding.reason()).isEqualTo("UndeclaredEgress");
    assertThat(finding.message())
        .startsWith("NetworkPolicy lab/to-web let pods in lab reach 0.0.0.0 on 443/TCP")
        .contains("which no egress declares");
  }

  @Test
  void aPolicySelectingPodsByExpressionsIsSeen() {
    ResearchProject quiet =
        Fixtures.project(
            "lab",
            Fixtures.spec(List.of("lab"), new NetworkSpec(null, null), DeletionPolicy.Retain));
    Observation applied = Fixtures.applied(quiet, baseline);
    applied
        .policies()
        .get("lab")
        .add(
            new NetworkPolicyBuilder(ExtraPolicies.openIngress("lab", "open-to-labelled"))
                .editSpec()
                .withNewPodSelector()
                .addNewMatchExpression()
                .withKey("app")
                .withOperator("Exists")
                .endMatchExpression()
                .addNewMatchExpression()
                .withKey("app")
                .withOperator("NotIn")
                .withValues("any", "witness")
                .endMatchExpression()
                .endPodSelector()
                .endSpec()
                .build());

    Finding finding = new LimitedExposureControl().evaluate(applied);

    assertThat(finding.reason()).isEqualTo("UnmanagedPolicyWidensExposure");
    assertThat(finding.message()).contains("lab/open-to-labelled").contains("app=witness-1");
  }

  @Test
  void policiesTooLargeToJudgeLeaveExposureUnknown() {
    NetworkPolicyBuilder large =
        new NetworkPolicyBuilder(
                ExtraPolicies.ingressFrom("lab", "large", ExtraPolicies.ipBlock("10.0.0.0/8")))
            .editSpec()
            .editFirstIngress()
            .withFrom()
            .endIngress()
            .endSpec();
    // Ranges that admit nothing, and a thousand ports: nothing opens, but too much to judge.
    var rule = large.editSpec().editFirstIngress();
    for (int i = 0; i < 100; i++) {
      String range = "10." + i + ".0.0/16";
      rule.addNewFrom().withNewIpBlock().withCidr(range).withExcept(range).endIpBlock().endFrom();
    }
    for (int port = 1000; port < 2000; port++) {
      rule.addNewPort().withNewPort(port).withProtocol("TCP").endPort();
    }
    Observation applied = Fixtures.applied(project, baseline);
    applied.policies().get("lab").add(rule.endIngress().endSpec().build());

    Finding finding = new LimitedExposureControl().evaluate(applied);

    assertThat(finding.state()).isEqualTo(ResponsibilityState.Unknown);
    assertThat(finding.reason()).isEqualTo("TooManyRulesToJudge");
  }

  @Test
  void aPolicyAdmittingTheProjectsOwnNamespaceByNameOpensNothing() {
    Observation applied = Fixtures.applied(project, baseline);
    applied
        .policies()
        .get("lab")
        .add(
            ExtraPolicies.ingressFrom(
                "lab",
                "from-lab",
                ExtraPolicies.namespaces(Map.of("kubernetes.io/metadata.name", "lab"))));

    assertThat(new LimitedExposureControl().evaluate(applied).state())
        .isEqualTo(ResponsibilityState.Met);
  }

  @Test
  void theOperatorsOwnPoliciesLeaveTheMetadataServiceOutOfEveryRange() {
    Finding finding = new GoodNetCitizenControl().evaluate(Fixtures.applied(project, baseline));

    assertThat(finding.state()).isEqualTo(ResponsibilityState.Met);
    assertThat(finding.message())
        .contains("No pod reaches 169.254.169.254/32 (cloud instance metadata)")
        .contains("Outbound 25/TCP");
  }

  @Test
  void aBlockedPortListedInTheSpecStaysClosedAndTheStatusSaysHowToAsk() {
    ResearchProject mailer = withEgress(new Egress("mail", List.of("192.0.2.0/24"), null, MAIL));

    Finding finding = new GoodNetCitizenControl().evaluate(Fixtures.applied(mailer, baseline));

    assertThat(finding.state()).isEqualTo(ResponsibilityState.Met);
    assertThat(finding.message())
        .contains(
            "Egress mail names 25/TCP (outbound mail (SMTP)), which stays closed: ask the platform"
                + " team for a grant in the SecurityBaseline's spec.egressExceptions.");
  }

  @Test
  void aGrantOpensThePortUntilItExpiresAndTheStatusSaysWhen() {
    ResearchProject mailer = withEgress(new Egress("mail", List.of("192.0.2.0/24"), null, MAIL));
    SecurityBaseline granted = withGrant("2026-11-28T12:00:01Z");
    SecurityBaseline expired = withGrant("2026-11-28T12:00:00Z");

    Finding open = new GoodNetCitizenControl().evaluate(Fixtures.applied(mailer, granted));
    Finding closed = new GoodNetCitizenControl().evaluate(Fixtures.applied(mailer, expired));

    assertThat(open.state()).isEqualTo(ResponsibilityState.Met);
    assertThat(open.message())
        .contains("The platform opens 25/TCP until 2026-11-28T12:00:01Z (ticket 42).")
        .doesNotContain("stays closed");
    assertThat(closed.message())
        .contains("The grant of 25/TCP expired at 2026-11-28T12:00:00Z; the port is closed again.")
        .contains("Egress mail names 25/TCP");
  }

  @Test
  void aGrantToAnotherProjectOpensNothingHere() {
    ResearchProject mailer = withEgress(new Egress("mail", List.of("192.0.2.0/24"), null, MAIL));
    SecurityBaseline otherGranted =
        Fixtures.with(
            baseline,
            "egressExceptions",
            List.of(new EgressException("other", 25, null, "ticket 7", "2027-01-01T00:00:00Z")));

    assertThat(
            new GoodNetCitizenControl().evaluate(Fixtures.applied(mailer, otherGranted)).message())
        .contains("stays closed");
  }

  @Test
  void eachSideOfCrossProjectTrafficSaysWhenTheOtherHasNotAgreed() {
    ResearchProject imaging =
        Fixtures.project(
            "neuro-imaging",
            Fixtures.spec(
                List.of("neuro-imaging"),
                new NetworkSpec(
                    List.of(
                        new Exposure(
                            "api",
                            null,
                            List.of(new PortSpec(9000, null, null)),
                            new ExposureSource(null, null, List.of("climate-model")),
                            null,
                            null,
                            null)),
                    null),
                DeletionPolicy.Retain));
    ResearchProject climate =
        Fixtures.project(
            "climate-model",
            Fixtures.spec(
                List.of("climate-model"), new NetworkSpec(null, null), DeletionPolicy.Retain));
    ResearchProject climateAgreeing =
        Fixtures.project(
            "climate-model",
            Fixtures.spec(
                List.of("climate-model"),
                new NetworkSpec(
                    null,
                    List.of(
                        new Egress(
                            "imaging",
                            null,
                            List.of("neuro-imaging"),
                            List.of(new PortSpec(9000, null, null))))),
                DeletionPolicy.Retain));

    assertThat(message(imaging, Map.of("climate-model", climate)))
        .contains("climate-model may reach neuro-imaging/api, but declares no egress to it.");
    assertThat(message(imaging, Map.of("climate-model", climateAgreeing)))
        .doesNotContain("declares no egress");
    assertThat(message(imaging, Map.of()))
        .contains("Exposure api admits project climate-model, which does not exist.");
    assertThat(
            message(
                climateAgreeing,
                Map.of("neuro-imaging", Fixtures.project("neuro-imaging", "neuro-imaging"))))
        .contains(
            "Egress imaging may reach neuro-imaging, but neuro-imaging exposes nothing to climate-model.");
    assertThat(message(climateAgreeing, Map.of("neuro-imaging", imaging)))
        .doesNotContain("exposes nothing");
  }

  @Test
  void anIngressRoutingAnotherProjectsHostNamesThatProject() {
    Observation applied = Fixtures.applied(project, baseline);
    Observation routing =
        new Observation(
            applied.project(),
            applied.baseline(),
            applied.namespaces(),
            applied.policies(),
            applied.services(),
            List.of(
                new IngressBuilder()
                    .withNewMetadata()
                    .withName("stolen")
                    .withNamespace("lab")
                    .endMetadata()
                    .withNewSpec()
                    .addNewRule()
                    .withHost("genomics.example.org")
                    .endRule()
                    .endSpec()
                    .build()),
            applied.roleBindings(),
            applied.roles(),
            applied.clusterRoles(),
            applied.velero(),
            applied.peers(),
            Map.of("genomics.example.org", "genomics-lab"),
            applied.workloads(),
            applied.platform(),
            applied.now());

    Finding finding = new LimitedExposureControl().evaluate(routing);

    assertThat(finding.reason()).isEqualTo("ForeignIngressHost");
    assertThat(finding.message())
        .isEqualTo(
            "Ingress lab/stolen routes genomics.example.org, which belongs to project"
                + " genomics-lab; remove it from the Ingress.");
  }

  private static String message(ResearchProject project, Map<String, ResearchProject> peers) {
    Observation applied = Fixtures.applied(project, Fixtures.baseline());
    NetworkFloors floors = NetworkFloors.of(applied.baseline(), project, peers, applied.now());
    Map<String, List<NetworkPolicy>> policies = new LinkedHashMap<>();
    project
        .namespaceNames()
        .forEach(ns -> policies.put(ns, NetworkPolicyDesired.desired(project, ns, floors)));
    Observation withPeers =
        new Observation(
            applied.project(),
            applied.baseline(),
            applied.namespaces(),
            policies,
            applied.services(),
            applied.ingresses(),
            applied.roleBindings(),
            applied.roles(),
            applied.clusterRoles(),
            applied.velero(),
            peers,
            applied.foreignHosts(),
            applied.workloads(),
            applied.platform(),
            applied.now());
    return new LimitedExposureControl().evaluate(withPeers).message();
  }

  private ResearchProject withEgress(Egress egress) {
    return Fixtures.project(
        "lab",
        Fixtures.spec(
            List.of("lab"), new NetworkSpec(null, List.of(egress)), DeletionPolicy.Retain));
  }

  private SecurityBaseline withGrant(String expires) {
    return Fixtures.with(
        baseline,
        "egressExceptions",
        List.of(new EgressException("lab", 25, Protocol.TCP, "ticket 42", expires)));
  }
}
