package org.researchclouds.operator;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.Map;

/** NetworkPolicies that someone other than the operator adds to a project namespace. */
public final class ExtraPolicies {
  private ExtraPolicies() {}

  /**
   * An ingress rule with no sources: it admits everyone. It names no policyTypes, as many
   * hand-written policies do; Kubernetes then applies it to ingress.
   */
  public static NetworkPolicy openIngress(String namespace, String name) {
    return base(namespace, name).editSpec().addNewIngress().endIngress().endSpec().build();
  }

  public static NetworkPolicy ingressFrom(String namespace, String name, NetworkPolicyPeer peer) {
    return base(namespace, name)
        .editSpec()
        .withPolicyTypes("Ingress")
        .addNewIngress()
        .withFrom(peer)
        .endIngress()
        .endSpec()
        .build();
  }

  /** Egress to any address, on TCP ports {@code port}..{@code endPort}, or every port if null. */
  public static NetworkPolicy egressAnywhere(
      String namespace, String name, Integer port, Integer endPort) {
    NetworkPolicyEgressRuleBuilder rule =
        new NetworkPolicyEgressRuleBuilder().addToTo(ipBlock("0.0.0.0/0"));
    if (port != null) {
      rule.addNewPort().withNewPort(port).withEndPort(endPort).withProtocol("TCP").endPort();
    }
    return base(namespace, name)
        .editSpec()
        .withPolicyTypes("Egress")
        .withEgress(rule.build())
        .endSpec()
        .build();
  }

  public static NetworkPolicyPeer ipBlock(String cidr) {
    return new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build();
  }

  public static NetworkPolicyPeer pods(Map<String, String> labels) {
    return new NetworkPolicyPeerBuilder()
        .withNewPodSelector()
        .withMatchLabels(labels)
        .endPodSelector()
        .build();
  }

  public static NetworkPolicyPeer namespaces(Map<String, String> labels) {
    return new NetworkPolicyPeerBuilder()
        .withNewNamespaceSelector()
        .withMatchLabels(labels)
        .endNamespaceSelector()
        .build();
  }

  private static NetworkPolicyBuilder base(String namespace, String name) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .endPodSelector()
        .endSpec();
  }
}
