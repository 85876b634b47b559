package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/**
 * What the vulnerability scanner reports on a project's workloads.
 *
 * @param installed whether Trivy Operator's VulnerabilityReport CRD exists
 * @param reports the reports in the project's namespaces
 */
public record ScannerState(boolean installed, List<GenericKubernetesResource> reports) {
  public static ScannerState absent() {
    return new ScannerState(false, List.of());
  }
}
