package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.ServiceType;
import org.researchclouds.operator.controls.Reachability.Opening;
import org.researchclouds.operator.network.HostPattern;
import org.researchclouds.operator.resources.NetworkPolicyDesired;

/**
 * Tenant: limit the services exposed to the Internet (the model's security groups). The default
 * deny and the declared allowances are in place, no source reaches the pods that the exposures do
 * not declare, judged over every policy in the namespaces, and no Service or Ingress reaches out
 * that the project did not declare.
 */
public final class LimitedExposureControl implements Control {
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
    }
    Reachability reachability = Reachability.of(observation);
    for (Opening opening : reachability.undeclaredSources()) {
      gaps.add(
          Finding.notMet(
              "UnmanagedPolicyWidensExposure",
              Openings.describe(opening)
                  + ", which no exposure declares; declare it in spec.network.exposures and delete"
                  + " the policy."));
    }
    undeclaredServices(observation, gaps);
    undeclaredHosts(observation, gaps);
    return Finding.fromGaps(
        gaps, reachability.complete() ? asDeclared(observation) : Openings.tooManyToJudge());
  }

  /** Met, with what the other side of each cross-project exposure or egress has not agreed to. */
  private static Finding asDeclared(Observation observation) {
    List<String> sentences = new ArrayList<>();
    sentences.add(
        "Default-deny policies are in place and only the "
            + observation.project().getSpec().networkOrEmpty().exposuresOrEmpty().size()
            + " declared exposure(s) are reachable.");
    sentences.addAll(Consent.pending(observation));
    return Finding.met("ExposureAsDeclared", String.join(" ", sentences));
  }

  private static void guardRailGaps(Observation observation, String namespace, List<Finding> gaps) {
    List<NetworkPolicy> observed = observation.policiesIn(namespace);
    for (NetworkPolicy desired :
        NetworkPolicyDesired.desired(observation.project(), namespace, observation.floors())) {
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
    List<String> declared = observation.project().ingressHosts();
    for (Ingress ingress : observation.ingresses()) {
      for (String host : HostPattern.routedBy(ingress)) {
        if (declared.stream().noneMatch(d -> HostPattern.covers(d, host))) {
          String holder = observation.foreignHosts().get(host);
          gaps.add(
              Finding.notMet(
                  holder == null ? "UndeclaredIngressHost" : "ForeignIngressHost",
                  "Ingress "
                      + ingress.getMetadata().getNamespace()
                      + "/"
                      + ingress.getMetadata().getName()
                      + " routes "
                      + host
                      + (holder == null
                          ? ", which no exposure declares; add it to an exposure's hosts, or"
                              + " remove it from the Ingress."
                          : ", which belongs to project "
                              + holder
                              + "; remove it from the Ingress.")));
        }
      }
    }
  }
}
