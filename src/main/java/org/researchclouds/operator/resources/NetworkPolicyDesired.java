package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.PeerSelector;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.Protocol;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/**
 * The NetworkPolicies of one project namespace. NetworkPolicies only ever allow, so the set is a
 * default deny of everything plus one allowing policy per thing the project or the platform needs.
 */
public final class NetworkPolicyDesired {
  private static final String INGRESS = "Ingress";
  private static final String EGRESS = "Egress";
  private static final int DNS_PORT = 53;

  private NetworkPolicyDesired() {}

  /**
   * @param peerUids the UIDs of the projects the exposures name, by name: traffic is admitted from
   *     a project's identity, never from a name that a project created later could take
   */
  public static List<NetworkPolicy> desired(
      ResearchProject project,
      String namespace,
      SecurityBaseline baseline,
      Map<String, String> peerUids) {
    List<NetworkPolicy> policies = new ArrayList<>();
    policies.add(policy(project, namespace, Names.DEFAULT_DENY_POLICY, defaultDeny()));
    policies.add(policy(project, namespace, Names.PROJECT_TRAFFIC_POLICY, projectTraffic(project)));
    policies.add(
        policy(project, namespace, Names.DNS_POLICY, dns(baseline.getSpec().dnsOrDefault())));
    for (Exposure exposure : project.getSpec().networkOrEmpty().exposuresOrEmpty()) {
      policies.add(
          policy(
              project,
              namespace,
              Names.exposurePolicy(exposure.name()),
              exposure(exposure, baseline, peerUids)));
    }
    for (Egress egress : project.getSpec().networkOrEmpty().egressOrEmpty()) {
      policies.add(
          policy(project, namespace, Names.egressPolicy(egress.name()), egress(egress, baseline)));
    }
    return policies;
  }

  private static NetworkPolicy policy(
      ResearchProject project, String namespace, String name, NetworkPolicySpec spec) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Names.managedLabels(project))
        .withOwnerReferences(OwnerReferences.of(project))
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  private static NetworkPolicySpec defaultDeny() {
    return new NetworkPolicySpecBuilder()
        .withPodSelector(new LabelSelector())
        .withPolicyTypes(INGRESS, EGRESS)
        .build();
  }

  private static NetworkPolicySpec projectTraffic(ResearchProject project) {
    NetworkPolicyPeer ownNamespaces =
        namespacesLabelled(Names.PROJECT_UID_LABEL, project.getMetadata().getUid());
    return new NetworkPolicySpecBuilder()
        .withPodSelector(new LabelSelector())
        .withPolicyTypes(INGRESS, EGRESS)
        .addNewIngress()
        .withFrom(ownNamespaces)
        .endIngress()
        .addNewEgress()
        .withTo(ownNamespaces)
        .endEgress()
        .build();
  }

  private static NetworkPolicySpec dns(PeerSelector dns) {
    return new NetworkPolicySpecBuilder()
        .withPodSelector(new LabelSelector())
        .withPolicyTypes(EGRESS)
        .addNewEgress()
        .withTo(platformPods(dns))
        .withPorts(port(DNS_PORT, null, Protocol.UDP), port(DNS_PORT, null, Protocol.TCP))
        .endEgress()
        .build();
  }

  private static NetworkPolicySpec exposure(
      Exposure exposure, SecurityBaseline baseline, Map<String, String> peerUids) {
    List<NetworkPolicyPeer> sources = new ArrayList<>();
    PeerSelector ingressController = baseline.getSpec().ingressController();
    if (exposure.from().fromIngressController() && ingressController != null) {
      sources.add(platformPods(ingressController));
    }
    exposure.from().cidrsOrEmpty().forEach(cidr -> sources.add(ipBlock(cidr)));
    exposure.from().projectsOrEmpty().stream()
        .map(peerUids::get)
        .filter(Objects::nonNull)
        .forEach(uid -> sources.add(namespacesLabelled(Names.PROJECT_UID_LABEL, uid)));
    NetworkPolicySpecBuilder spec =
        new NetworkPolicySpecBuilder()
            .withPodSelector(selector(exposure.podSelectorOrEmpty()))
            .withPolicyTypes(INGRESS);
    // An empty "from" would admit every source: with no source left, the policy admits nothing.
    if (!sources.isEmpty()) {
      spec.addNewIngress().withFrom(sources).withPorts(ports(exposure.ports())).endIngress();
    }
    return spec.build();
  }

  private static NetworkPolicySpec egress(Egress egress, SecurityBaseline baseline) {
    List<PortSpec> allowed =
        EgressPortRanges.allowed(egress.ports(), baseline.getSpec().blockedEgressOrDefault());
    NetworkPolicySpecBuilder spec =
        new NetworkPolicySpecBuilder().withPodSelector(new LabelSelector()).withPolicyTypes(EGRESS);
    // An empty port list would allow every port: with no port left, the policy allows nothing.
    if (!allowed.isEmpty()) {
      spec.addNewEgress()
          .withTo(egress.cidrs().stream().map(NetworkPolicyDesired::ipBlock).toList())
          .withPorts(ports(allowed))
          .endEgress();
    }
    return spec.build();
  }

  private static NetworkPolicyPeer platformPods(PeerSelector peer) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(selector(Map.of(Names.NAMESPACE_NAME_LABEL, peer.namespace())))
        .withPodSelector(selector(peer.podSelectorOrEmpty()))
        .build();
  }

  private static NetworkPolicyPeer namespacesLabelled(String key, String value) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(selector(Map.of(key, value)))
        .build();
  }

  private static NetworkPolicyPeer ipBlock(String cidr) {
    return new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build();
  }

  private static LabelSelector selector(Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(new TreeMap<>(labels)).build();
  }

  private static List<NetworkPolicyPort> ports(List<PortSpec> specs) {
    return specs.stream().map(p -> port(p.port(), p.endPort(), p.protocolOrDefault())).toList();
  }

  private static NetworkPolicyPort port(int port, Integer endPort, Protocol protocol) {
    return new NetworkPolicyPortBuilder()
        .withPort(new IntOrString(port))
        .withEndPort(endPort)
        .withProtocol(protocol.name())
        .build();
  }
}
