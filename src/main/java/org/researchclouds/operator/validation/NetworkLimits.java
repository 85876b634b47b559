package org.researchclouds.operator.validation;

import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.CidrSources;
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ExposureLimit;
import org.researchclouds.operator.api.IngressHostPolicy;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.network.Cidr;
import org.researchclouds.operator.network.HostPattern;

/**
 * The network floors the platform sets: ranges no project reaches, how far each data classification
 * may open itself, and which Ingress hosts a project may hold. A project beyond them is refused,
 * field by field, and nothing of it is applied.
 */
final class NetworkLimits {
  private static final String LIMITS = "the SecurityBaseline's spec.exposureLimits";

  private final ResearchProject project;
  private final SecurityBaseline baseline;
  private final ExposureLimit limit;
  private final List<Problem> problems;

  private NetworkLimits(
      ResearchProject project, SecurityBaseline baseline, List<Problem> problems) {
    this.project = project;
    this.baseline = baseline;
    this.limit = baseline.getSpec().exposureLimitFor(project.getSpec().dataClassification());
    this.problems = problems;
  }

  static void check(
      ResearchProject project,
      SecurityBaseline baseline,
      HostClaims claims,
      List<Problem> problems) {
    NetworkLimits limits = new NetworkLimits(project, baseline, problems);
    List<Exposure> exposures = project.getSpec().networkOrEmpty().exposuresOrEmpty();
    for (int i = 0; i < exposures.size(); i++) {
      limits.checkExposure("spec.network.exposures[" + i + "]", exposures.get(i), claims);
    }
    List<Egress> egress = project.getSpec().networkOrEmpty().egressOrEmpty();
    for (int i = 0; i < egress.size(); i++) {
      limits.checkEgress("spec.network.egress[" + i + "]", egress.get(i));
    }
  }

  private void checkExposure(String path, Exposure exposure, HostClaims claims) {
    if (exposure.from().fromIngressController() && !limit.ingressController()) {
      refuseExposure(
          path + ".from.ingressController", "the ingress controller", "ingressController: false");
    }
    if (!exposure.from().projectsOrEmpty().isEmpty() && !limit.projects()) {
      refuseExposure(path + ".from.projects", "other projects", "projects: false");
    }
    List<String> cidrs = exposure.from().cidrsOrEmpty();
    for (int i = 0; i < cidrs.size(); i++) {
      String field = path + ".from.cidrs[" + i + "]";
      parse(field, cidrs.get(i))
          .filter(range -> !denied(field, range, "ExposureNotAllowed"))
          .ifPresent(range -> checkSource(field, range));
    }
    if (!limit.serviceTypes().contains(exposure.serviceTypeOrDefault())) {
      refuseExposure(
          path + ".serviceType",
          "a Service of type " + exposure.serviceTypeOrDefault(),
          "serviceTypes: " + limit.serviceTypes());
    }
    List<String> hosts = exposure.hostsOrEmpty();
    for (int i = 0; i < hosts.size(); i++) {
      checkHost(path + ".hosts[" + i + "]", hosts.get(i), claims);
    }
  }

  private void checkSource(String field, Cidr range) {
    if (limit.cidrSources() == CidrSources.None) {
      refuseExposure(field, "address ranges", "cidrSources: None");
    } else if (limit.cidrSources() == CidrSources.Private && range.reachesInternet()) {
      refuseExposure(field, range + ", which holds Internet addresses", "cidrSources: Private");
    } else {
      int minimum = range.ipv6() ? limit.minimumIPv6PrefixLength() : limit.minimumPrefixLength();
      if (range.prefix() < minimum) {
        refuseExposure(
            field,
            "a range as wide as /" + range.prefix(),
            (range.ipv6() ? "minimumIPv6PrefixLength: " : "minimumPrefixLength: ") + minimum);
      }
    }
  }

  private void checkEgress(String path, Egress egress) {
    List<String> cidrs = egress.cidrsOrEmpty();
    for (int i = 0; i < cidrs.size(); i++) {
      String field = path + ".cidrs[" + i + "]";
      parse(field, cidrs.get(i))
          .filter(range -> !denied(field, range, "EgressNotAllowed"))
          .filter(range -> range.reachesInternet() && !limit.internetEgress())
          .ifPresent(
              range ->
                  problems.add(
                      new Problem(
                          "EgressNotAllowed",
                          field
                              + ": "
                              + range
                              + " holds Internet addresses, which "
                              + classification()
                              + " projects may not reach ("
                              + LIMITS
                              + ", internetEgress: false); name the private ranges the project"
                              + " needs, or ask the platform team.")));
    }
  }

  private void checkHost(String field, String host, HostClaims claims) {
    IngressHostPolicy policy = baseline.getSpec().ingressHostsOrDefault();
    List<String> suffixes = policy.suffixesFor(project.getMetadata().getName());
    if (policy.restricts()
        && suffixes.stream().noneMatch(domain -> HostPattern.under(host, domain))) {
      problems.add(
          new Problem(
              "HostNotAllowed",
              field
                  + ": "
                  + host
                  + " is under none of the domains the SecurityBaseline lets this project use ("
                  + (suffixes.isEmpty() ? "none" : String.join(", ", suffixes))
                  + "); choose a name under one, or ask the platform team for a grant in"
                  + " spec.ingressHosts."));
      return;
    }
    String domain = host.startsWith("*.") ? host.substring(2) : null;
    if (domain != null
        && policy.allowedSuffixesOrEmpty().contains(domain)
        && !policy.grantedTo(project.getMetadata().getName()).contains(domain)) {
      problems.add(
          new Problem(
              "HostNotAllowed",
              field
                  + ": "
                  + host
                  + " would hold every name of "
                  + domain
                  + ", a domain all projects share; name the hosts the project needs."));
      return;
    }
    claims
        .holder(project, host)
        .ifPresent(
            holder ->
                problems.add(
                    new Problem(
                        "HostConflict",
                        field
                            + ": "
                            + host
                            + " belongs to project "
                            + holder
                            + ", which declared it first; choose another host, or ask "
                            + holder
                            + " to give it up.")));
  }

  /** Whether the range lies inside one the baseline denies; a refusal says which. */
  private boolean denied(String field, Cidr range, String reason) {
    for (DeniedCidr denied : baseline.getSpec().deniedCidrsOrDefault()) {
      if (Cidr.parse(denied.cidr()).contains(range)) {
        problems.add(
            new Problem(
                reason,
                field
                    + ": "
                    + range
                    + " lies within "
                    + denied
                    + ", which the SecurityBaseline denies to every project; remove it."));
        return true;
      }
    }
    return false;
  }

  private Optional<Cidr> parse(String field, String cidr) {
    try {
      return Optional.of(Cidr.parse(cidr));
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              "InvalidCidr",
              field
                  + ": "
                  + e.getMessage()
                  + "; write a range such as 192.0.2.0/24 or 2001:db8::/32."));
      return Optional.empty();
    }
  }

  private void refuseExposure(String field, String what, String setting) {
    problems.add(
        new Problem(
            "ExposureNotAllowed",
            field
                + ": "
                + classification()
                + " projects may not expose to "
                + what
                + " ("
                + LIMITS
                + ", "
                + setting
                + "); remove it, or ask the platform team to change the limits."));
  }

  private String classification() {
    return project.getSpec().dataClassification().value();
  }
}
