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
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.PeerSelector;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.Protocol;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.network.Cidr;

/**
 * The NetworkPolicies of one project namespace. NetworkPolicies only ever allow, so the set is a
 * default deny of everything plus one allowing policy per thing the project or the platform needs.
 */
public final class NetworkPolicyDesired {
  private static final String INGRESS = "Ingress";
  private static final String EGRESS = "Egress";
  private static final int DNS_PORT = 53;

  private NetworkPolicyDesired() {}

  public static List<NetworkPolicy> desired(
      ResearchProject project, String namespace, NetworkFloors floors) {
    List<NetworkPolicy> policies = new ArrayList<>();
    policies.add(policy(project, namespace, Names.DEFAULT_DENY_POLICY, defaultDeny()));
    policies.add(policy(project, namespace, Names.PROJECT_TRAFFIC_POLICY, projectTraffic(project)));
    policies.add(policy(project, namespace, Names.DNS_POLICY, dns(floors.dns())));
    for (Exposure exposure : project.getSpec().networkOrEmpty().exposuresOrEmpty()) {
      policies.add(
          policy(
              project,
              namespace,
              Names.exposurePolicy(exposure.name()),
              exposure(exposure, floors)));
    }
    for (Egress egress : project.getSpec().networkOrEmpty().egressOrEmpty()) {
      policies.add(
          policy(project, namespace, Names.egressPolicy(egress.name()), egress(egress, floors)));
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

  /** No ingress and no egress for any pod of the namespace. */
  public static NetworkPolicySpec defaultDeny() {
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

  private static NetworkPolicySpec exposure(Exposure exposure, NetworkFloors floors) {
    List<NetworkPolicyPeer> sources = new ArrayList<>();
    if (exposure.from().fromIngressController() && floors.ingressController() != null) {
      sources.add(platformPods(floors.ingressController()));
    }
    exposure.from().cidrsOrEmpty().forEach(cidr -> sources.add(ipBlock(cidr, floors)));
    sources.addAll(projects(exposure.from().projectsOrEmpty(), floors));
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

  /**
   * Egress to address ranges skips the ports still blocked for the project; egress to another
   * project stays inside the cluster, where the blocked ports mean no abuse of the Internet.
   */
  private static NetworkPolicySpec egress(Egress egress, NetworkFloors floors) {
    List<NetworkPolicyPeer> destinations = new ArrayList<>();
    egress.cidrsOrEmpty().forEach(cidr -> destinations.add(ipBlock(cidr, floors)));
    destinations.addAll(projects(egress.projectsOrEmpty(), floors));
    List<PortSpec> allowed =
        egress.projectsOrEmpty().isEmpty()
            ? EgressPortRanges.allowed(egress.ports(), floors.blocked())
            : egress.ports();
    NetworkPolicySpecBuilder spec =
        new NetworkPolicySpecBuilder().withPodSelector(new LabelSelector()).withPolicyTypes(EGRESS);
    // An empty port or destination list would allow every one: with none left, allow nothing.
    if (!allowed.isEmpty() && !destinations.isEmpty()) {
      spec.addNewEgress().withTo(destinations).withPorts(ports(allowed)).endEgress();
    }
    return spec.build();
  }

  private static List<NetworkPolicyPeer> projects(List<String> names, NetworkFloors floors) {
    return names.stream()
        .map(floors.peerUids()::get)
        .filter(Objects::nonNull)
        .map(uid -> namespacesLabelled(Names.PROJECT_UID_LABEL, uid))
        .toList();
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

  /** A range without the denied ranges inside it; validation refuses a range inside one. */
  private static NetworkPolicyPeer ipBlock(String cidr, NetworkFloors floors) {
    Cidr range = Cidr.parse(cidr);
    List<String> except =
        floors.denied().stream()
            .map(DeniedCidr::cidr)
            .filter(
                denied -> range.contains(Cidr.parse(denied)) && !range.equals(Cidr.parse(denied)))
            .toList();
    return new NetworkPolicyPeerBuilder()
        .withNewIpBlock()
        .withCidr(cidr)
        .withExcept(except)
        .endIpBlock()
        .build();
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
