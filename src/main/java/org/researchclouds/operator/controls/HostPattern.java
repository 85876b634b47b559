package org.researchclouds.operator.controls;

/** Matches an Ingress host against a declared host, where {@code *.} stands for one DNS label. */
final class HostPattern {
  private HostPattern() {}

  static boolean covers(String declared, String host) {
    if (declared.equals(host)) {
      return true;
    }
    if (!declared.startsWith("*.")) {
      return false;
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(declared.substring(1));
  }
}
