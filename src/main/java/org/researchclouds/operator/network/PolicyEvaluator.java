package org.researchclouds.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.researchclouds.operator.network.Endpoint.Address;
import org.researchclouds.operator.network.Endpoint.Pod;

/**
 * What a set of NetworkPolicies lets through, after the API's semantics: a pod that no policy of
 * its direction selects is open; a selected pod takes what any selecting policy allows. Traffic
 * flows when the source's egress and the destination's ingress both let it.
 *
 * <p>Where the API leaves a reading to the network plugin, or a value cannot be read, the widest is
 * taken: a named port matches every port of its protocol, since the pod that would resolve it is
 * not known here; a range that cannot be read covers every address. An {@code ipBlock} matches
 * addresses, which the pods' are not taken to be.
 */
public final class PolicyEvaluator {
  private static final String INGRESS = "Ingress";
  private static final String EGRESS = "Egress";

  private final Map<String, List<NetworkPolicy>> byNamespace;
  // Each range is parsed once, however many connections it judges.
  private final Map<String, Optional<Cidr>> ranges = new HashMap<>();

  public PolicyEvaluator(Collection<NetworkPolicy> policies) {
    this.byNamespace =
        policies.stream().collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace()));
  }

  /** A connection to a port of one protocol, such as TCP. */
  public record Connection(Endpoint from, Endpoint to, int port, String protocol) {
    @Override
    public String toString() {
      return from + " to " + to + " on " + port + "/" + protocol;
    }
  }

  /**
   * @param allowedBy the policies, as namespace/name, that let the connection through on a side
   *     that some policy isolates
   */
  public record Verdict(boolean allowed, List<String> allowedBy) {}

  public Verdict evaluate(Connection connection) {
    List<String> allowedBy = new ArrayList<>();
    boolean allowed =
        side(connection.from(), connection.to(), EGRESS, connection, allowedBy)
            && side(connection.to(), connection.from(), INGRESS, connection, allowedBy);
    return new Verdict(allowed, allowed ? List.copyOf(allowedBy) : List.of());
  }

  public boolean allows(Connection connection) {
    return evaluate(connection).allowed();
  }

  /** Whether the policies of {@code subject}'s namespace let it talk to {@code peer}. */
  private boolean side(
      Endpoint subject, Endpoint peer, String direction, Connection connection, List<String> by) {
    if (!(subject instanceof Pod pod)) {
      return true;
    }
    List<NetworkPolicy> isolating =
        byNamespace.getOrDefault(pod.namespace(), List.of()).stream()
            .filter(p -> LabelSelectors.matches(p.getSpec().getPodSelector(), pod.labels()))
            .filter(p -> types(p.getSpec()).contains(direction))
            .toList();
    if (isolating.isEmpty()) {
      return true;
    }
    boolean allowed = false;
    for (NetworkPolicy policy : isolating) {
      if (admits(policy, direction, peer, connection)) {
        by.add(policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName());
        allowed = true;
      }
    }
    return allowed;
  }

  private boolean admits(
      NetworkPolicy policy, String direction, Endpoint peer, Connection connection) {
    NetworkPolicySpec spec = policy.getSpec();
    String namespace = policy.getMetadata().getNamespace();
    if (INGRESS.equals(direction)) {
      return spec.getIngress() != null
          && spec.getIngress().stream()
              .anyMatch(
                  rule ->
                      peers(rule.getFrom(), namespace, peer) && ports(rule.getPorts(), connection));
    }
    return spec.getEgress() != null
        && spec.getEgress().stream()
            .anyMatch(
                rule -> peers(rule.getTo(), namespace, peer) && ports(rule.getPorts(), connection));
  }

  /** Without policyTypes, a policy isolates ingress, and egress when it has egress rules. */
  private static List<String> types(NetworkPolicySpec spec) {
    if (spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
      return spec.getPolicyTypes();
    }
    return spec.getEgress() == null || spec.getEgress().isEmpty()
        ? List.of(INGRESS)
        : List.of(INGRESS, EGRESS);
  }

  private boolean peers(List<NetworkPolicyPeer> peers, String namespace, Endpoint peer) {
    return peers == null
        || peers.isEmpty()
        || peers.stream().anyMatch(p -> matches(p, namespace, peer));
  }

  private boolean matches(NetworkPolicyPeer selector, String namespace, Endpoint peer) {
    if (selector.getIpBlock() != null) {
      return peer instanceof Address address && inBlock(selector.getIpBlock(), address.address());
    }
    if (!(peer instanceof Pod pod)) {
      return false;
    }
    if (selector.getNamespaceSelector() == null) {
      // A peer with neither selector is invalid, and selects nothing.
      return selector.getPodSelector() != null
          && namespace.equals(pod.namespace())
          && LabelSelectors.matches(selector.getPodSelector(), pod.labels());
    }
    return LabelSelectors.matches(selector.getNamespaceSelector(), pod.namespaceLabels())
        && LabelSelectors.matches(selector.getPodSelector(), pod.labels());
  }

  /**
   * A block the API server would refuse, were it written, is read as the widest it could mean: a
   * range that cannot be read covers every address, an except that cannot be read leaves none out.
   */
  private boolean inBlock(IPBlock block, Cidr address) {
    List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
    return range(block.getCidr()).map(range -> range.contains(address)).orElse(true)
        && except.stream()
            .map(this::range)
            .flatMap(Optional::stream)
            .noneMatch(hole -> hole.contains(address));
  }

  private Optional<Cidr> range(String text) {
    return ranges.computeIfAbsent(
        text,
        t -> {
          try {
            return Optional.of(Cidr.parse(t));
          } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
          }
        });
  }

  private static boolean ports(List<NetworkPolicyPort> ports, Connection connection) {
    return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> port(p, connection));
  }

  private static boolean port(NetworkPolicyPort port, Connection connection) {
    String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
    if (!protocol.equals(connection.protocol())) {
      return false;
    }
    if (port.getPort() == null || port.getPort().getIntVal() == null) {
      return true;
    }
    int first = port.getPort().getIntVal();
    int last = port.getEndPort() == null ? first : port.getEndPort();
    return first <= connection.port() && connection.port() <= last;
  }
}
