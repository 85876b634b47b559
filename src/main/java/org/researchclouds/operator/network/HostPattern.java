package org.researchclouds.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.List;

/** Ingress hosts, where a leading {@code *.} stands for one DNS label. */
public final class HostPattern {
  /** What a rule without a host, or a default backend, routes. */
  public static final String ANY_HOST = "any host";

  private HostPattern() {}

  /** The hosts an Ingress routes to its backends. */
  public static List<String> routedBy(Ingress ingress) {
    List<String> hosts = new ArrayList<>();
    var spec = ingress.getSpec();
    if (spec == null) {
      return hosts;
    }
    if (spec.getDefaultBackend() != null) {
      hosts.add(ANY_HOST);
    }
    for (IngressRule rule : spec.getRules() == null ? List.<IngressRule>of() : spec.getRules()) {
      hosts.add(rule.getHost() == null || rule.getHost().isEmpty() ? ANY_HOST : rule.getHost());
    }
    return hosts;
  }

  /** Whether the declared host, a name or a wildcard, covers the host an Ingress routes. */
  public static boolean covers(String declared, String host) {
    if (declared.equals(host)) {
      return true;
    }
    if (!declared.startsWith("*.")) {
      return false;
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(declared.substring(1));
  }

  /** Whether some name could be routed under both, so that two projects cannot both hold them. */
  public static boolean overlap(String a, String b) {
    return covers(a, b) || covers(b, a);
  }

  /** Whether the host is the domain itself or a name under it. */
  public static boolean under(String host, String domain) {
    String name = host.startsWith("*.") ? host.substring(2) : host;
    return name.equals(domain) || name.endsWith("." + domain);
  }

  /**
   * The keys under which a host is indexed: a name under itself and under its parent domain, a
   * wildcard under itself. Looking up {@link #lookupKeys} finds every host that overlaps it, and,
   * for a name, no more than the names equal to it and the wildcards over it.
   */
  public static List<String> indexKeys(String host) {
    if (host.startsWith("*.")) {
      return List.of(host);
    }
    int dot = host.indexOf('.');
    return dot < 0 ? List.of(host) : List.of(host, "under:" + host.substring(dot + 1));
  }

  /** The keys to look up for the hosts that may overlap this one. */
  public static List<String> lookupKeys(String host) {
    if (host.startsWith("*.")) {
      return List.of(host, "under:" + host.substring(2));
    }
    int dot = host.indexOf('.');
    return dot < 0 ? List.of(host) : List.of(host, "*" + host.substring(dot));
  }
}
