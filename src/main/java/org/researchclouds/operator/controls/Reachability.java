package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.researchclouds.operator.api.BlockedPort;
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.network.Cidr;
import org.researchclouds.operator.network.Endpoint;
import org.researchclouds.operator.network.Endpoint.Address;
import org.researchclouds.operator.network.Endpoint.Pod;
import org.researchclouds.operator.network.PolicyEvaluator;
import org.researchclouds.operator.network.PolicyEvaluator.Connection;
import org.researchclouds.operator.network.PolicyEvaluator.Verdict;
import org.researchclouds.operator.network.Witnesses;
import org.researchclouds.operator.network.Witnesses.Port;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.NetworkFloors;
import org.researchclouds.operator.resources.NetworkPolicyDesired;

/**
 * What every NetworkPolicy in the project's namespaces, managed or not, actually lets through, set
 * against what the project's declared policies alone would: any connection the first allow and the
 * second not is an opening, with the policies that make it.
 */
public final class Reachability {
  /** Connections judged at most per reconcile: under a second of one core, in the worst case. */
  private static final int BUDGET = 100_000;

  private static final List<Port> COMMON_PORTS = List.of(new Port(80, "TCP"), new Port(443, "TCP"));

  /**
   * @param policies the policies, as namespace/name, that let it through beyond the declared ones
   * @param about the denied range or the blocked port reached; empty for a source
   * @param example one connection it allows
   * @param count how many witness connections it allows
   */
  public record Opening(List<String> policies, String about, Connection example, int count) {}

  private final NetworkFloors floors;
  private final List<NetworkPolicy> declared;
  private final List<NetworkPolicy> actual;
  private final PolicyEvaluator declaredEvaluator;
  private final PolicyEvaluator actualEvaluator;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final boolean asDeclared;
  // The witnesses are drawn only when there is something to judge.
  private final List<NetworkPolicy> all;
  private final List<Pod> pods;
  private int judged;

  private Reachability(
      NetworkFloors floors,
      List<NetworkPolicy> declared,
      List<NetworkPolicy> actual,
      Map<String, Map<String, String>> namespaceLabels) {
    this.floors = floors;
    this.declared = declared;
    this.actual = actual;
    this.declaredEvaluator = new PolicyEvaluator(declared);
    this.actualEvaluator = new PolicyEvaluator(actual);
    this.namespaceLabels = namespaceLabels;
    this.asDeclared = specs(actual).equals(specs(declared));
    this.all = asDeclared ? List.of() : Stream.concat(actual.stream(), declared.stream()).toList();
    this.pods = asDeclared ? List.of() : pods(all);
  }

  /**
   * Whether every connection was judged: the policies may name more ranges, selectors and ports
   * than the operator judges in one reconcile, so that no spec can stall it.
   */
  public boolean complete() {
    return judged <= BUDGET;
  }

  /** Counts one more connection judged; false once the budget is spent. */
  private boolean spend() {
    return ++judged <= BUDGET;
  }

  private static Map<String, Object> specs(List<NetworkPolicy> policies) {
    Map<String, Object> specs = new HashMap<>();
    policies.forEach(p -> specs.put(key(p), p.getSpec()));
    return specs;
  }

  public static Reachability of(Observation observation) {
    NetworkFloors floors = observation.floors();
    return new Reachability(
        floors,
        observation.presentNamespaces().stream()
            .flatMap(ns -> NetworkPolicyDesired.desired(observation.project(), ns, floors).stream())
            .toList(),
        observation.presentNamespaces().stream()
            .flatMap(ns -> observation.policiesIn(ns).stream())
            .toList(),
        namespaceLabels(observation.namespaces().values()));
  }

  /**
   * What the policies let through against a declaration of nothing, for a project whose spec was
   * refused: only the denied ranges and blocked ports are judged then.
   */
  public static Reachability undeclared(
      NetworkFloors floors, List<NetworkPolicy> policies, Collection<Namespace> namespaces) {
    List<NetworkPolicy> denyAll =
        namespaces.stream()
            .map(
                ns ->
                    new NetworkPolicyBuilder()
                        .withNewMetadata()
                        .withNamespace(ns.getMetadata().getName())
                        .withName(Names.DEFAULT_DENY_POLICY)
                        .endMetadata()
                        .withSpec(NetworkPolicyDesired.defaultDeny())
                        .build())
            .toList();
    return new Reachability(floors, denyAll, policies, namespaceLabels(namespaces));
  }

  /** Every policy that makes an opening of any kind, as namespace/name. */
  public Set<String> openingPolicies() {
    Set<String> policies = new LinkedHashSet<>();
    Stream.of(undeclaredSources(), undeclaredDestinations(), deniedDestinations(), blockedPorts())
        .flatMap(List::stream)
        .forEach(opening -> policies.addAll(opening.policies()));
    return policies;
  }

  /** Sources outside what the exposures declare that reach the project's pods. */
  public List<Opening> undeclaredSources() {
    return asDeclared
        ? List.of()
        : undeclared(Witnesses.sources(all, namespaceLabels), Witnesses.ingressPorts(all), true);
  }

  /**
   * Denied ranges the pods reach, whatever the port: at each end of a range, and at every address
   * inside it that a policy names.
   */
  public List<Opening> deniedDestinations() {
    if (asDeclared) {
      return List.of();
    }
    List<Port> ports =
        Stream.concat(COMMON_PORTS.stream(), Witnesses.egressPorts(all).stream())
            .distinct()
            .toList();
    List<Address> named = addresses(Witnesses.destinations(all, namespaceLabels));
    Map<String, Opening> openings = new LinkedHashMap<>();
    for (DeniedCidr denied : floors.denied()) {
      Cidr range = Cidr.parse(denied.cidr());
      List<Address> inside = new ArrayList<>();
      inside.add(new Address(range.address(range.first())));
      inside.add(new Address(range.address(range.last())));
      named.stream().filter(a -> range.contains(a.address())).forEach(inside::add);
      for (Pod pod : pods) {
        for (Address address : inside) {
          for (Port port : ports) {
            Connection connection = new Connection(pod, address, port.number(), port.protocol());
            if (!spend()) {
              return List.copyOf(openings.values());
            }
            Verdict verdict = actualEvaluator.evaluate(connection);
            if (verdict.allowed()) {
              merge(openings, new Opening(verdict.allowedBy(), denied.toString(), connection, 1));
            }
          }
        }
      }
    }
    return List.copyOf(openings.values());
  }

  /**
   * Destinations beyond what the egress declares that the pods reach: the Internet from a project
   * whose classification keeps it inside, or another project's pods without its consent.
   */
  public List<Opening> undeclaredDestinations() {
    return asDeclared
        ? List.of()
        : undeclared(
            Witnesses.destinations(all, namespaceLabels), Witnesses.egressPorts(all), false);
  }

  /** Connections between the pods and the peers, on the ports, that only undeclared rules allow. */
  private List<Opening> undeclared(List<Endpoint> peers, List<Port> ports, boolean inbound) {
    Map<String, Opening> openings = new LinkedHashMap<>();
    for (Pod pod : pods) {
      for (Endpoint peer : peers) {
        for (Port port : ports) {
          record(
              inbound
                  ? new Connection(peer, pod, port.number(), port.protocol())
                  : new Connection(pod, peer, port.number(), port.protocol()),
              "",
              openings);
        }
      }
    }
    return List.copyOf(openings.values());
  }

  /** Addresses the pods reach on ports still blocked for the project. */
  public List<Opening> blockedPorts() {
    if (asDeclared) {
      return List.of();
    }
    List<Address> outside = addresses(Witnesses.destinations(all, namespaceLabels));
    Map<String, Opening> openings = new LinkedHashMap<>();
    for (Pod pod : pods) {
      for (Address address : outside) {
        for (BlockedPort blocked : floors.blocked()) {
          record(
              new Connection(pod, address, blocked.port(), blocked.protocolOrDefault().name()),
              blocked.port()
                  + "/"
                  + blocked.protocolOrDefault()
                  + (blocked.reason() == null ? "" : " (" + blocked.reason() + ")"),
              openings);
        }
      }
    }
    return List.copyOf(openings.values());
  }

  private static List<Address> addresses(List<Endpoint> endpoints) {
    return endpoints.stream().filter(Address.class::isInstance).map(Address.class::cast).toList();
  }

  private void record(Connection connection, String about, Map<String, Opening> openings) {
    if (!spend()) {
      return;
    }
    Verdict verdict = actualEvaluator.evaluate(connection);
    if (verdict.allowed() && !declaredEvaluator.allows(connection)) {
      merge(openings, new Opening(beyondDeclared(verdict.allowedBy()), about, connection, 1));
    }
  }

  /** One opening per policies and what they reach, counting the connections. */
  private static void merge(Map<String, Opening> openings, Opening found) {
    openings.merge(
        found.policies() + " " + found.about(),
        found,
        (first, next) ->
            new Opening(first.policies(), first.about(), first.example(), first.count() + 1));
  }

  /** The policies among those given that are not the operator's, as declared. */
  private List<String> beyondDeclared(List<String> policies) {
    Set<String> intact = new LinkedHashSet<>();
    for (NetworkPolicy wanted : declared) {
      String key = key(wanted);
      actual.stream()
          .filter(p -> key(p).equals(key) && Objects.equals(p.getSpec(), wanted.getSpec()))
          .findFirst()
          .ifPresent(p -> intact.add(key));
    }
    List<String> beyond = policies.stream().filter(p -> !intact.contains(p)).toList();
    return beyond.isEmpty() ? policies : beyond;
  }

  private List<Pod> pods(Collection<NetworkPolicy> policies) {
    List<Pod> pods = new ArrayList<>();
    namespaceLabels.forEach(
        (namespace, labels) -> pods.addAll(Witnesses.podsIn(namespace, labels, policies)));
    return pods;
  }

  /** The labels of the project's namespaces, by name. */
  private static Map<String, Map<String, String>> namespaceLabels(
      Collection<Namespace> namespaces) {
    Map<String, Map<String, String>> labelled = new LinkedHashMap<>();
    for (Namespace namespace : namespaces) {
      String name = namespace.getMetadata().getName();
      Map<String, String> labels =
          new TreeMap<>(Objects.requireNonNullElse(namespace.getMetadata().getLabels(), Map.of()));
      // The API server sets it on every namespace; the in-memory server does not.
      labels.putIfAbsent(Names.NAMESPACE_NAME_LABEL, name);
      labelled.put(name, Map.copyOf(labels));
    }
    return labelled;
  }

  private static String key(NetworkPolicy policy) {
    return policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
  }
}
