package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.researchclouds.operator.api.BlockedPort;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.Names;

/**
 * Reads what a NetworkPolicy allows. NetworkPolicies are additive, so any policy in a project
 * namespace can open what the operator's policies close; this says which ones do.
 */
public final class NetworkPolicyAudit {
  private NetworkPolicyAudit() {}

  /** An unmanaged policy widens exposure when it admits outsiders or opens blocked egress. */
  public static boolean widensExposure(
      NetworkPolicy policy,
      ResearchProject project,
      SecurityBaseline baseline,
      Collection<String> namespaces) {
    return !Names.managedBy(policy, project)
        && (!outsideSources(policy, project, namespaces).isEmpty()
            || !undeclaredBlockedPorts(policy, project, baseline).isEmpty());
  }

  /** Describes each ingress source of the policy that lies outside the project. */
  public static List<String> outsideSources(
      NetworkPolicy policy, ResearchProject project, Collection<String> namespaces) {
    List<String> outside = new ArrayList<>();
    if (!governs(policy, "Ingress", policy.getSpec().getIngress())) {
      return outside;
    }
    for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
      if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
        outside.add("every source");
      } else {
        rule.getFrom().stream()
            .filter(peer -> !withinProject(peer, project.getMetadata().getUid(), namespaces))
            .map(NetworkPolicyAudit::describe)
            .forEach(outside::add);
      }
    }
    return outside;
  }

  /** The blocked ports this policy opens that the project has not declared by themselves. */
  public static List<BlockedPort> undeclaredBlockedPorts(
      NetworkPolicy policy, ResearchProject project, SecurityBaseline baseline) {
    List<BlockedPort> declared = declaredBlockedPorts(project, baseline);
    return blockedPortsOpened(policy, baseline.getSpec().blockedEgressOrDefault()).stream()
        .filter(port -> !declared.contains(port))
        .toList();
  }

  /** Blocked ports that the project lists by themselves in its declared egress. */
  public static List<BlockedPort> declaredBlockedPorts(
      ResearchProject project, SecurityBaseline baseline) {
    List<Egress> egress = project.getSpec().networkOrEmpty().egressOrEmpty();
    return baseline.getSpec().blockedEgressOrDefault().stream()
        .filter(
            blocked ->
                egress.stream()
                    .flatMap(e -> e.ports().stream())
                    .anyMatch(
                        p ->
                            p.endPort() == null
                                && p.port().equals(blocked.port())
                                && p.protocolOrDefault() == blocked.protocolOrDefault()))
        .toList();
  }

  static List<BlockedPort> blockedPortsOpened(NetworkPolicy policy, List<BlockedPort> blocked) {
    if (!governs(policy, "Egress", policy.getSpec().getEgress())) {
      return List.of();
    }
    return blocked.stream()
        .filter(port -> policy.getSpec().getEgress().stream().anyMatch(rule -> opens(rule, port)))
        .toList();
  }

  /** Whether a policy applies to that direction: by its policyTypes, or by having rules for it. */
  private static boolean governs(NetworkPolicy policy, String direction, List<?> rules) {
    if (rules == null || rules.isEmpty()) {
      return false;
    }
    // Without policyTypes, a policy governs each direction it has rules for.
    List<String> types = policy.getSpec().getPolicyTypes();
    return types == null || types.isEmpty() || types.contains(direction);
  }

  private static boolean opens(NetworkPolicyEgressRule rule, BlockedPort blocked) {
    boolean leavesCluster =
        rule.getTo() == null
            || rule.getTo().isEmpty()
            || rule.getTo().stream().anyMatch(p -> p.getIpBlock() != null);
    return leavesCluster
        && (rule.getPorts() == null
            || rule.getPorts().isEmpty()
            || rule.getPorts().stream().anyMatch(port -> covers(port, blocked)));
  }

  private static boolean covers(NetworkPolicyPort port, BlockedPort blocked) {
    String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
    if (!protocol.equals(blocked.protocolOrDefault().name())) {
      return false;
    }
    if (port.getPort() == null) {
      return true;
    }
    // A named port resolves to a pod's container port, which no host outside the cluster has.
    if (port.getPort().getIntVal() == null) {
      return false;
    }
    int first = port.getPort().getIntVal();
    int last = port.getEndPort() == null ? first : port.getEndPort();
    return first <= blocked.port() && blocked.port() <= last;
  }

  private static boolean withinProject(
      NetworkPolicyPeer peer, String projectUid, Collection<String> namespaces) {
    if (peer.getIpBlock() != null) {
      return false;
    }
    LabelSelector namespaceSelector = peer.getNamespaceSelector();
    if (namespaceSelector == null) {
      return true; // pods of the policy's own namespace
    }
    boolean noExpressions =
        namespaceSelector.getMatchExpressions() == null
            || namespaceSelector.getMatchExpressions().isEmpty();
    Map<String, String> labels = namespaceSelector.getMatchLabels();
    if (!noExpressions || labels == null) {
      return false;
    }
    String namespaceName = labels.get(Names.NAMESPACE_NAME_LABEL);
    return projectUid.equals(labels.get(Names.PROJECT_UID_LABEL))
        || (namespaceName != null && namespaces.contains(namespaceName));
  }

  private static String describe(NetworkPolicyPeer peer) {
    if (peer.getIpBlock() != null) {
      return "addresses " + peer.getIpBlock().getCidr();
    }
    LabelSelector selector = peer.getNamespaceSelector();
    boolean everyNamespace =
        Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()).isEmpty()
            && Objects.requireNonNullElse(selector.getMatchExpressions(), List.of()).isEmpty();
    return everyNamespace
        ? "every namespace"
        : "namespaces selected by " + selector.getMatchLabels();
  }
}
