package org.researchclouds.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.CidrSources;
import org.researchclouds.operator.api.DataClassification;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ExposureLimit;
import org.researchclouds.operator.api.ExposureSource;
import org.researchclouds.operator.api.HostGrant;
import org.researchclouds.operator.api.IngressHostPolicy;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.Protocol;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.ServiceType;

/** One test per network floor: the reason, and a message naming the field and the limit. */
class NetworkLimitsTest {
  private static final List<PortSpec> SSH = List.of(new PortSpec(22, null, Protocol.TCP));

  private final SecurityBaseline baseline = Fixtures.baseline();

  @Test
  void theMetadataServiceIsDeniedAsADestinationAndAsASource() {
    assertThat(problems(project("internal", egressTo("169.254.169.254/32")), baseline))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "EgressNotAllowed",
                "spec.network.egress[0].cidrs[0]: 169.254.169.254 lies within 169.254.169.254/32"
                    + " (cloud instance metadata), which the SecurityBaseline denies to every"
                    + " project; remove it."));
    assertThat(problems(project("internal", exposedTo("fd00:ec2::254/128")), baseline))
        .extracting(Problem::reason)
        .containsExactly("ExposureNotAllowed");
    assertThat(problems(project("internal", egressTo("0.0.0.0/0")), baseline))
        .as("a range around a denied one is cut around it, not refused")
        .isEmpty();
  }

  @Test
  void thePlatformAddsItsOwnDeniedRanges() {
    SecurityBaseline nodes =
        Fixtures.with(
            baseline, "deniedCidrs", List.of(new DeniedCidr("10.0.0.0/16", "node network")));

    assertThat(problems(project("internal", egressTo("10.0.4.0/24")), nodes))
        .extracting(Problem::message)
        .containsExactly(
            "spec.network.egress[0].cidrs[0]: 10.0.4.0/24 lies within 10.0.0.0/16 (node network),"
                + " which the SecurityBaseline denies to every project; remove it.");
  }

  @Test
  void sensitiveAndRestrictedProjectsAdmitNoInternetSource() {
    for (String classification : List.of("sensitive", "restricted")) {
      assertThat(problems(project(classification, exposedTo("0.0.0.0/0")), baseline))
          .as(classification)
          .extracting(Problem::reason, Problem::message)
          .containsExactly(
              tuple(
                  "ExposureNotAllowed",
                  "spec.network.exposures[0].from.cidrs[0]: "
                      + classification
                      + " projects may not expose to 0.0.0.0/0, which holds Internet addresses"
                      + " (the SecurityBaseline's spec.exposureLimits, cidrSources: Private);"
                      + " remove it, or ask the platform team to change the limits."));
      assertThat(problems(project(classification, exposedTo("10.20.0.0/16")), baseline))
          .as(classification + ", a private range")
          .isEmpty();
    }
    assertThat(problems(project("public", exposedTo("0.0.0.0/0")), baseline)).isEmpty();
  }

  @Test
  void sensitiveAndRestrictedProjectsDeclareNoNodePortOrLoadBalancer() {
    Exposure nodePort =
        new Exposure(
            "ssh",
            null,
            SSH,
            new ExposureSource(null, List.of("10.20.0.0/16"), null),
            "ssh",
            ServiceType.NodePort,
            null);

    assertThat(problems(project("restricted", network(nodePort, null)), baseline))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "ExposureNotAllowed",
                "spec.network.exposures[0].serviceType: restricted projects may not expose to a"
                    + " Service of type NodePort (the SecurityBaseline's spec.exposureLimits,"
                    + " serviceTypes: [ClusterIP]); remove it, or ask the platform team to change"
                    + " the limits."));
    assertThat(problems(project("internal", network(nodePort, null)), baseline)).isEmpty();
  }

  @Test
  void restrictedProjectsReachNoInternetAddress() {
    assertThat(problems(project("restricted", egressTo("0.0.0.0/1")), baseline))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "EgressNotAllowed",
                "spec.network.egress[0].cidrs[0]: 0.0.0.0/1 holds Internet addresses, which"
                    + " restricted projects may not reach (the SecurityBaseline's"
                    + " spec.exposureLimits, internetEgress: false); name the private ranges the"
                    + " project needs, or ask the platform team."));
    assertThat(problems(project("restricted", egressTo("10.40.12.0/24")), baseline)).isEmpty();
    assertThat(problems(project("sensitive", egressTo("0.0.0.0/0")), baseline)).isEmpty();
  }

  @Test
  void thePlatformSetsEachLimitForAClassification() {
    SecurityBaseline strict =
        Fixtures.with(
            baseline,
            "exposureLimits",
            List.of(
                new ExposureLimit(
                    DataClassification.INTERNAL, false, false, null, 24, 64, null, null)));
    Exposure wide =
        new Exposure(
            "api",
            null,
            SSH,
            new ExposureSource(true, List.of("192.0.2.0/23", "2001:db8::/32"), List.of("partner")),
            null,
            null,
            null);

    assertThat(problems(project("internal", network(wide, null)), strict))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "ExposureNotAllowed",
                "spec.network.exposures[0].from.ingressController: internal projects may not"
                    + " expose to the ingress controller (the SecurityBaseline's"
                    + " spec.exposureLimits, ingressController: false); remove it, or ask the"
                    + " platform team to change the limits."),
            tuple(
                "ExposureNotAllowed",
                "spec.network.exposures[0].from.projects: internal projects may not expose to"
                    + " other projects (the SecurityBaseline's spec.exposureLimits, projects:"
                    + " false); remove it, or ask the platform team to change the limits."),
            tuple(
                "ExposureNotAllowed",
                "spec.network.exposures[0].from.cidrs[0]: internal projects may not expose to a"
                    + " range as wide as /23 (the SecurityBaseline's spec.exposureLimits,"
                    + " minimumPrefixLength: 24); remove it, or ask the platform team to change"
                    + " the limits."),
            tuple(
                "ExposureNotAllowed",
                "spec.network.exposures[0].from.cidrs[1]: internal projects may not expose to a"
                    + " range as wide as /32 (the SecurityBaseline's spec.exposureLimits,"
                    + " minimumIPv6PrefixLength: 64); remove it, or ask the platform team to"
                    + " change the limits."));
    SecurityBaseline none =
        Fixtures.with(
            baseline,
            "exposureLimits",
            List.of(
                new ExposureLimit(
                    DataClassification.PUBLIC,
                    null,
                    null,
                    CidrSources.None,
                    null,
                    null,
                    null,
                    null)));
    assertThat(problems(project("public", exposedTo("10.20.0.0/16")), none))
        .extracting(Problem::message)
        .containsExactly(
            "spec.network.exposures[0].from.cidrs[0]: public projects may not expose to address"
                + " ranges (the SecurityBaseline's spec.exposureLimits, cidrSources: None); remove"
                + " it, or ask the platform team to change the limits.");
  }

  @Test
  void hostsMustFallUnderADomainThePlatformGrants() {
    SecurityBaseline domains =
        Fixtures.with(
            baseline,
            "ingressHosts",
            new IngressHostPolicy(
                List.of("apps.example.org"),
                List.of(new HostGrant("lab", List.of("genomics.example.org")))));

    assertThat(problems(withHost("lab", "portal.apps.example.org"), domains)).isEmpty();
    assertThat(problems(withHost("lab", "genomics.example.org"), domains)).isEmpty();
    assertThat(problems(withHost("lab", "*.genomics.example.org"), domains)).isEmpty();
    assertThat(problems(withHost("other", "genomics.example.org"), domains))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "HostNotAllowed",
                "spec.network.exposures[0].hosts[0]: genomics.example.org is under none of the"
                    + " domains the SecurityBaseline lets this project use (apps.example.org);"
                    + " choose a name under one, or ask the platform team for a grant in"
                    + " spec.ingressHosts."));
    assertThat(problems(withHost("lab", "*.apps.example.org"), domains))
        .extracting(Problem::message)
        .containsExactly(
            "spec.network.exposures[0].hosts[0]: *.apps.example.org would hold every name of"
                + " apps.example.org, a domain all projects share; name the hosts the project"
                + " needs.");
    assertThat(problems(withHost("lab", "*.portal.apps.example.org"), domains)).isEmpty();
    assertThat(problems(withHost("lab", "notapps.example.org"), domains))
        .extracting(Problem::reason)
        .containsExactly("HostNotAllowed");
  }

  @Test
  void aHostBelongsToTheProjectThatHoldsIt() {
    HostClaims genomicsHoldsIt =
        (claimant, host) ->
            host.endsWith("genomics.example.org") ? Optional.of("genomics-lab") : Optional.empty();

    assertThat(
            ProjectValidator.validate(
                withHost("thief", "genomics.example.org"),
                baseline,
                name -> Optional.empty(),
                Set.of(),
                genomicsHoldsIt))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "HostConflict",
                "spec.network.exposures[0].hosts[0]: genomics.example.org belongs to project"
                    + " genomics-lab, which declared it first; choose another host, or ask"
                    + " genomics-lab to give it up."));
  }

  @Test
  void aRangeTheSchemaLetsThroughButNoParserReadsIsRefused() {
    assertThat(problems(project("internal", egressTo(":::/0")), baseline))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "InvalidCidr",
                "spec.network.egress[0].cidrs[0]: ::: is not an IP address; write a range such as"
                    + " 192.0.2.0/24 or 2001:db8::/32."));
  }

  @Test
  void aBaselineWithAnUnreadableRangeOrExpiryIsInvalid() {
    SecurityBaseline broken =
        Fixtures.with(baseline, "deniedCidrs", List.of(new DeniedCidr(":::/0", null)));

    assertThat(problems(project("internal", egressTo("10.0.0.0/8")), broken))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "InvalidBaseline",
                "SecurityBaseline default spec.deniedCidrs[0]: ::: is not an IP address; the"
                    + " platform team corrects it."));
  }

  private static List<Problem> problems(ResearchProject project, SecurityBaseline baseline) {
    return ProjectValidator.validate(
        project, baseline, name -> Optional.empty(), Set.of(), Fixtures.NO_HOST_CLAIMS);
  }

  private static ResearchProject project(String classification, NetworkSpec network) {
    ResearchProject project =
        Fixtures.project("lab", Fixtures.spec(List.of("lab"), network, DeletionPolicy.Retain));
    return Fixtures.with(
        project, "dataClassification", DataClassification.valueOf(classification.toUpperCase()));
  }

  private static ResearchProject withHost(String name, String host) {
    Exposure web =
        new Exposure(
            "web", null, SSH, new ExposureSource(true, null, null), null, null, List.of(host));
    return Fixtures.project(
        name, Fixtures.spec(List.of(name), network(web, null), DeletionPolicy.Retain));
  }

  private static NetworkSpec egressTo(String cidr) {
    return network(null, new Egress("out", List.of(cidr), null, SSH));
  }

  private static NetworkSpec exposedTo(String cidr) {
    return network(
        new Exposure(
            "ssh", null, SSH, new ExposureSource(null, List.of(cidr), null), null, null, null),
        null);
  }

  private static NetworkSpec network(Exposure exposure, Egress egress) {
    return new NetworkSpec(
        exposure == null ? null : List.of(exposure), egress == null ? null : List.of(egress));
  }
}
