package org.researchclouds.operator.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.researchclouds.operator.network.Endpoint.Address;
import org.researchclouds.operator.network.Endpoint.Pod;

/**
 * A few endpoints and ports that stand for all others before a set of policies: inside, at the
 * edges of and beside every range, selector and port the policies name. Two sets of policies that
 * agree on every witness agree on every connection between the kinds of peers they name.
 */
public final class Witnesses {
  /** An Internet address for rules that admit every source or reach every destination. */
  public static final Address INTERNET = new Address(Cidr.address("198.51.100.7"));

  public static final Address INTERNET_V6 = new Address(Cidr.address("2001:db8::7"));

  private static final Cidr ALL_IPV4 = Cidr.parse("0.0.0.0/0");
  private static final Cidr ALL_IPV6 = Cidr.parse("::/0");
  private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";
  private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
  private static final int MAX_PORT = 65535;

  private Witnesses() {}

  /** A port of one protocol. */
  public record Port(int number, String protocol) {
    @Override
    public String toString() {
      return number + "/" + protocol;
    }
  }

  /**
   * Pods of the namespace that the policies' pod selectors tell apart, the unlabelled one first.
   */
  public static List<Pod> podsIn(
      String namespace, Map<String, String> namespaceLabels, Collection<NetworkPolicy> policies) {
    Set<String> taken = valuesIn(policies, Map.of());
    Set<Map<String, String>> labels = new LinkedHashSet<>();
    labels.add(Map.of());
    policies.stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
        .forEach(p -> labels.addAll(LabelWitnesses.of(p.getSpec().getPodSelector(), taken)));
    return labels.stream().map(l -> new Pod(namespace, namespaceLabels, l)).toList();
  }

  /**
   * Every peer the policies' ingress rules name, and an Internet address of each family.
   *
   * @param known the labels of the namespaces known by name, which a selector naming one of them
   *     selects as they are
   */
  public static List<Endpoint> sources(
      Collection<NetworkPolicy> policies, Map<String, Map<String, String>> known) {
    return peers(
        policies.stream()
            .flatMap(p -> nullable(p.getSpec().getIngress()).stream())
            .flatMap(rule -> nullable(rule.getFrom()).stream()),
        known,
        valuesIn(policies, known));
  }

  /** Every peer the policies' egress rules name, and an Internet address of each family. */
  public static List<Endpoint> destinations(
      Collection<NetworkPolicy> policies, Map<String, Map<String, String>> known) {
    return peers(
        policies.stream()
            .flatMap(p -> nullable(p.getSpec().getEgress()).stream())
            .flatMap(rule -> nullable(rule.getTo()).stream()),
        known,
        valuesIn(policies, known));
  }

  /** The ports the policies' ingress rules name, at the edges of and beside each range. */
  public static List<Port> ingressPorts(Collection<NetworkPolicy> policies) {
    return ports(
        policies.stream()
            .flatMap(p -> nullable(p.getSpec().getIngress()).stream())
            .map(rule -> nullable(rule.getPorts())));
  }

  /** The ports the policies' egress rules name, at the edges of and beside each range. */
  public static List<Port> egressPorts(Collection<NetworkPolicy> policies) {
    return ports(
        policies.stream()
            .flatMap(p -> nullable(p.getSpec().getEgress()).stream())
            .map(rule -> nullable(rule.getPorts())));
  }

  private static List<Port> ports(Stream<List<NetworkPolicyPort>> rules) {
    Set<Port> ports = new LinkedHashSet<>();
    rules.forEach(
        rulePorts -> {
          if (rulePorts.isEmpty()) {
            PROTOCOLS.forEach(protocol -> ports.add(new Port(1, protocol)));
          }
          for (NetworkPolicyPort port : rulePorts) {
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            if (port.getPort() == null || port.getPort().getIntVal() == null) {
              ports.add(new Port(1, protocol));
              continue;
            }
            // Each end, and the port beside it: what lies between two ranges is seen too.
            int first = port.getPort().getIntVal();
            int last = port.getEndPort() == null ? first : port.getEndPort();
            for (int number : List.of(first - 1, first, last, last + 1)) {
              if (number >= 1 && number <= MAX_PORT) {
                ports.add(new Port(number, protocol));
              }
            }
          }
        });
    return List.copyOf(ports);
  }

  private static List<Endpoint> peers(
      Stream<NetworkPolicyPeer> peers, Map<String, Map<String, String>> known, Set<String> taken) {
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    endpoints.add(INTERNET);
    endpoints.add(INTERNET_V6);
    peers.forEach(
        peer -> {
          if (peer.getIpBlock() != null) {
            endpoints.addAll(addresses(peer.getIpBlock()));
          } else if (peer.getNamespaceSelector() != null) {
            endpoints.addAll(pods(peer, known, taken));
          }
        });
    return List.copyOf(endpoints);
  }

  /**
   * Pods the peer selects: in each known namespace it selects as it is, such as the project's own
   * by name, and in namespaces labelled as its selector asks.
   */
  private static List<Pod> pods(
      NetworkPolicyPeer peer, Map<String, Map<String, String>> known, Set<String> taken) {
    List<Pod> pods = new ArrayList<>();
    List<Map<String, String>> podLabels = LabelWitnesses.of(peer.getPodSelector(), taken);
    for (Map<String, String> namespaceLabels :
        LabelWitnesses.of(peer.getNamespaceSelector(), taken)) {
      String name = namespaceName(namespaceLabels);
      // A namespace has one name: a known one is only as it is.
      if (!known.containsKey(name)) {
        Map<String, String> labelled = new TreeMap<>(namespaceLabels);
        labelled.putIfAbsent(NAMESPACE_NAME, name);
        podLabels.forEach(labels -> pods.add(new Pod(name, Map.copyOf(labelled), labels)));
      }
    }
    known.forEach(
        (name, labels) -> {
          if (LabelSelectors.matches(peer.getNamespaceSelector(), labels)) {
            podLabels.forEach(pod -> pods.add(new Pod(name, labels, pod)));
          }
        });
    return pods;
  }

  /** The name a selector gives its namespace, or one that no real namespace name can equal. */
  private static String namespaceName(Map<String, String> labels) {
    return labels.getOrDefault(
        NAMESPACE_NAME, labels.isEmpty() ? "any namespace" : "namespaces labelled " + labels);
  }

  /** The ends of the block and of each range it leaves out, and the addresses beside them. */
  private static List<Address> addresses(IPBlock block) {
    List<Address> addresses = new ArrayList<>();
    try {
      Cidr range = Cidr.parse(block.getCidr());
      Cidr space = range.ipv6() ? ALL_IPV6 : ALL_IPV4;
      // Each end, and the address beside it: what lies between two ranges is seen too.
      Stream.of(
              range.first(),
              range.last(),
              range.first().subtract(BigInteger.ONE),
              range.last().add(BigInteger.ONE))
          .map(range::address)
          .filter(space::contains)
          .forEach(address -> addresses.add(new Address(address)));
      for (String except : nullable(block.getExcept())) {
        Cidr hole = Cidr.parse(except);
        Stream.of(
                hole.first(),
                hole.last(),
                hole.first().subtract(BigInteger.ONE),
                hole.last().add(BigInteger.ONE))
            .map(range::address)
            .filter(range::contains)
            .forEach(address -> addresses.add(new Address(address)));
      }
    } catch (IllegalArgumentException unparsable) {
      // Such a block admits nothing; it needs no witness.
    }
    return addresses;
  }

  /** Every label value the policies' selectors and the known namespaces use. */
  private static Set<String> valuesIn(
      Collection<NetworkPolicy> policies, Map<String, Map<String, String>> known) {
    Set<String> values = new HashSet<>();
    known.values().forEach(labels -> values.addAll(labels.values()));
    for (NetworkPolicy policy : policies) {
      List<LabelSelector> selectors = new ArrayList<>();
      selectors.add(policy.getSpec().getPodSelector());
      Stream.concat(
              nullable(policy.getSpec().getIngress()).stream()
                  .flatMap(rule -> nullable(rule.getFrom()).stream()),
              nullable(policy.getSpec().getEgress()).stream()
                  .flatMap(rule -> nullable(rule.getTo()).stream()))
          .forEach(
              peer -> {
                selectors.add(peer.getPodSelector());
                selectors.add(peer.getNamespaceSelector());
              });
      selectors.stream()
          .filter(Objects::nonNull)
          .forEach(
              selector -> {
                if (selector.getMatchLabels() != null) {
                  values.addAll(selector.getMatchLabels().values());
                }
                nullable(selector.getMatchExpressions())
                    .forEach(e -> values.addAll(nullable(e.getValues())));
              });
    }
    return values;
  }

  private static <T> List<T> nullable(List<T> list) {
    return list == null ? List.of() : list;
  }
}
