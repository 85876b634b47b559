package org.researchclouds.operator.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.researchclouds.operator.network.Endpoint.Address;
import org.researchclouds.operator.network.Endpoint.Pod;

/**
 * A few endpoints and ports that stand for all others before a set of policies: one inside and one
 * beside every range, selector and port the policies name. Two sets of policies that agree on every
 * witness agree on every connection between the kinds of peers they name.
 */
public final class Witnesses {
  /** An Internet address for rules that admit every source or reach every destination. */
  public static final Address INTERNET = new Address(Cidr.address("198.51.100.7"));

  public static final Address INTERNET_V6 = new Address(Cidr.address("2001:db8::7"));

  private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";
  private static final String SOME_VALUE = "any";

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
    Set<Map<String, String>> labels = new LinkedHashSet<>();
    labels.add(Map.of());
    policies.stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
        .forEach(p -> labels.add(satisfying(p.getSpec().getPodSelector())));
    return labels.stream().map(l -> new Pod(namespace, namespaceLabels, l)).toList();
  }

  /** Every peer the policies' ingress rules name, and an Internet address of each family. */
  public static List<Endpoint> sources(Collection<NetworkPolicy> policies) {
    return peers(
        policies.stream()
            .flatMap(p -> nullable(p.getSpec().getIngress()).stream())
            .flatMap(rule -> nullable(rule.getFrom()).stream()));
  }

  /** Every peer the policies' egress rules name, and an Internet address of each family. */
  public static List<Endpoint> destinations(Collection<NetworkPolicy> policies) {
    return peers(
        policies.stream()
            .flatMap(p -> nullable(p.getSpec().getEgress()).stream())
            .flatMap(rule -> nullable(rule.getTo()).stream()));
  }

  /**
   * Each port the policies' ingress rules name, the ends of each range, and port 1 of each rule
   * that names no number.
   */
  public static List<Port> ingressPorts(Collection<NetworkPolicy> policies) {
    return ports(
        policies.stream()
            .flatMap(p -> nullable(p.getSpec().getIngress()).stream())
            .map(rule -> nullable(rule.getPorts())));
  }

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
            ports.add(new Port(1, "TCP"));
            ports.add(new Port(1, "UDP"));
          }
          for (NetworkPolicyPort port : rulePorts) {
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            if (port.getPort() == null || port.getPort().getIntVal() == null) {
              ports.add(new Port(1, protocol));
            } else {
              ports.add(new Port(port.getPort().getIntVal(), protocol));
              if (port.getEndPort() != null) {
                ports.add(new Port(port.getEndPort(), protocol));
              }
            }
          }
        });
    return List.copyOf(ports);
  }

  private static List<Endpoint> peers(Stream<NetworkPolicyPeer> peers) {
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    endpoints.add(INTERNET);
    endpoints.add(INTERNET_V6);
    peers.forEach(
        peer -> {
          if (peer.getIpBlock() != null) {
            addresses(peer.getIpBlock()).forEach(endpoints::add);
          } else if (peer.getNamespaceSelector() != null) {
            endpoints.add(podOf(peer));
          }
        });
    return List.copyOf(endpoints);
  }

  /** A pod in a namespace that the peer's selectors select, named as the selector names it. */
  private static Pod podOf(NetworkPolicyPeer peer) {
    Map<String, String> namespaceLabels = new TreeMap<>(satisfying(peer.getNamespaceSelector()));
    // A namespace the selector names, or else one that no real namespace name can equal.
    String name =
        namespaceLabels.getOrDefault(
            NAMESPACE_NAME,
            namespaceLabels.isEmpty() ? "any namespace" : "namespaces labelled " + namespaceLabels);
    namespaceLabels.putIfAbsent(NAMESPACE_NAME, name);
    return new Pod(name, Map.copyOf(namespaceLabels), satisfying(peer.getPodSelector()));
  }

  /** The ends of the block, and the addresses just beside each range it leaves out. */
  private static List<Address> addresses(IPBlock block) {
    List<Address> addresses = new ArrayList<>();
    try {
      Cidr range = Cidr.parse(block.getCidr());
      addresses.add(new Address(range.address(range.first())));
      addresses.add(new Address(range.address(range.last())));
      for (String except : nullable(block.getExcept())) {
        Cidr hole = Cidr.parse(except);
        addresses.add(new Address(hole.address(hole.first())));
        BigInteger before = hole.first().subtract(BigInteger.ONE);
        BigInteger after = hole.last().add(BigInteger.ONE);
        Stream.of(before, after)
            .map(range::address)
            .filter(range::contains)
            .forEach(address -> addresses.add(new Address(address)));
      }
    } catch (IllegalArgumentException unparsable) {
      // Such a block admits nothing; it needs no witness.
    }
    return addresses;
  }

  /**
   * Labels that the selector selects: its labels, and a value for each expression that asks one.
   */
  static Map<String, String> satisfying(LabelSelector selector) {
    Map<String, String> labels = new TreeMap<>();
    if (selector == null) {
      return Map.of();
    }
    if (selector.getMatchLabels() != null) {
      labels.putAll(selector.getMatchLabels());
    }
    for (LabelSelectorRequirement expression : nullable(selector.getMatchExpressions())) {
      List<String> values = nullable(expression.getValues());
      if ("In".equals(expression.getOperator()) && !values.isEmpty()) {
        labels.putIfAbsent(expression.getKey(), values.get(0));
      } else if ("Exists".equals(expression.getOperator())) {
        labels.putIfAbsent(expression.getKey(), SOME_VALUE);
      }
    }
    return Map.copyOf(labels);
  }

  private static <T> List<T> nullable(List<T> list) {
    return list == null ? List.of() : list;
  }
}
