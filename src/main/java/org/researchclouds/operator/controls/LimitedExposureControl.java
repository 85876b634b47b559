package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ServiceType;
import org.researchclouds.operator.resources.NetworkPolicyDesired;

/**
 * Tenant: limit the services exposed to the Internet (the model's security groups). The default
 * deny and the declared allowances are in place, nothing else opens the namespaces, and no Service
 * or Ingress reaches out that the project did not declare.
 */
public final class LimitedExposureControl implements Control {
  private static final String ANY_HOST = "any host";

  @Override
  public String id() {
    return "tenant/limited-exposure";
  }

  @Override
  public Owner owner() {
    return Owner.Tenant;
  }

  @Override
  public Finding evaluate(Observation observation) {
    List<Finding> gaps = new ArrayList<>(observation.missingNamespaces());
    for (String namespace : observation.presentNamespaces()) {
      guardRailGaps(observation, namespace, gaps);
      widenedBy(observation, namespace, gaps);
    }
    undeclaredServices(observation, gaps);
    undeclaredHosts(observation, gaps);
    return Finding.fromGaps(
        gaps,
        Finding.met(
            "ExposureAsDeclared",
            "Default-deny policies are in place and only the "
                + observation.project().getSpec().networkOrEmpty().exposuresOrEmpty().size()
                + " declared exposure(s) are reachable."));
  }

  private static void guardRailGaps(Observation observation, String namespace, List<Finding> gaps) {
    List<NetworkPolicy> observed = observation.policiesIn(namespace);
    for (NetworkPolicy desired :
        NetworkPolicyDesired.desired(
            observation.project(), namespace, observation.baseline(), observation.peerUids())) {
      String name = desired.getMetadata().getName();
      Optional<NetworkPolicy> actual =
          observed.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst();
      if (actual.isEmpty() || !desired.getSpec().equals(actual.get().getSpec())) {
        gaps.add(
            Finding.notMet(
                "GuardRailMissing",
                "NetworkPolicy "
                    + namespace
                    + "/"
                    + name
                    + " is missing or altered; the operator restores it."));
      }
    }
  }

  private static void widenedBy(Observation observation, String namespace, List<Finding> gaps) {
    for (NetworkPolicy policy : observation.policiesIn(namespace)) {
      if (NetworkPolicyAudit.widensExposure(
          policy,
          observation.project(),
          observation.baseline(),
          observation.namespaces().keySet())) {
        List<String> opened =
            new ArrayList<>(
                NetworkPolicyAudit.outsideSources(
                    policy, observation.project(), observation.namespaces().keySet()));
        NetworkPolicyAudit.undeclaredBlockedPorts(
                policy, observation.project(), observation.baseline())
            .forEach(
                port -> opened.add("outbound " + port.port() + "/" + port.protocolOrDefault()));
        gaps.add(
            Finding.notMet(
                "UnmanagedPolicyWidensExposure",
                "NetworkPolicy "
                    + namespace
                    + "/"
                    + policy.getMetadata().getName()
                    + " is not managed by the operator and opens "
                    + String.join(", ", opened)
                    + "; declare the exposure or egress in spec.network and delete this policy."));
      }
    }
  }

  private static void undeclaredServices(Observation observation, List<Finding> gaps) {
    List<Exposure> exposures = observation.project().getSpec().networkOrEmpty().exposuresOrEmpty();
    for (Service service : observation.services()) {
      String type = service.getSpec() == null ? null : service.getSpec().getType();
      if (!ServiceType.LoadBalancer.name().equals(type)
          && !ServiceType.NodePort.name().equals(type)) {
        continue;
      }
      boolean declared =
          exposures.stream().anyMatch(e -> declares(e, service.getMetadata().getName(), type));
      if (!declared) {
        gaps.add(
            Finding.notMet(
                "UndeclaredService",
                "Service "
                    + service.getMetadata().getNamespace()
                    + "/"
                    + service.getMetadata().getName()
                    + " is of type "
                    + type
                    + " but no exposure declares it; add an exposure with service and serviceType,"
                    + " or make it ClusterIP."));
      }
    }
  }

  private static boolean declares(Exposure exposure, String service, String type) {
    ServiceType declared = exposure.serviceTypeOrDefault();
    // A LoadBalancer Service also opens node ports: declaring the first covers the second.
    return service.equals(exposure.service())
        && (declared.name().equals(type)
            || (declared == ServiceType.LoadBalancer && ServiceType.NodePort.name().equals(type)));
  }

  private static void undeclaredHosts(Observation observation, List<Finding> gaps) {
    List<String> declared =
        observation.project().getSpec().networkOrEmpty().exposuresOrEmpty().stream()
            .flatMap(e -> e.hostsOrEmpty().stream())
            .toList();
    for (Ingress ingress : observation.ingresses()) {
      for (String host : hosts(ingress)) {
        if (declared.stream().noneMatch(d -> HostPattern.covers(d, host))) {
          gaps.add(
              Finding.notMet(
                  "UndeclaredIngressHost",
                  "Ingress "
                      + ingress.getMetadata().getNamespace()
                      + "/"
                      + ingress.getMetadata().getName()
                      + " routes "
                      + host
                      + ", which no exposure declares; add it to an exposure's hosts, or remove"
                      + " it from the Ingress."));
        }
      }
    }
  }

  private static List<String> hosts(Ingress ingress) {
    List<String> hosts = new ArrayList<>();
    var spec = ingress.getSpec();
    if (spec == null) {
      return hosts;
    }
    List<IngressRule> rules = spec.getRules() == null ? List.of() : spec.getRules();
    if (spec.getDefaultBackend() != null) {
      hosts.add(ANY_HOST);
    }
    for (IngressRule rule : rules) {
      hosts.add(rule.getHost() == null || rule.getHost().isEmpty() ? ANY_HOST : rule.getHost());
    }
    return hosts;
  }
}
