package org.researchclouds.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** VulnerabilityReports as Trivy Operator writes them, valid against its CRD's schema. */
public final class TrivyReports {
  public static final String CRD = "aquasecurity.github.io_vulnerabilityreports.yaml";

  private TrivyReports() {}

  /** One vulnerability, with a fix published at {@code published}. */
  public static Map<String, Object> critical(String id, Instant published) {
    return vulnerability(id, "CRITICAL", published, "1.2.4");
  }

  public static Map<String, Object> vulnerability(
      String id, String severity, Instant published, String fixedVersion) {
    Map<String, Object> vulnerability = new LinkedHashMap<>();
    vulnerability.put("vulnerabilityID", id);
    vulnerability.put("resource", "openssl");
    vulnerability.put("installedVersion", "1.2.3");
    vulnerability.put("fixedVersion", fixedVersion);
    vulnerability.put("severity", severity);
    vulnerability.put("title", id + " in openssl");
    vulnerability.put("publishedDate", published.toString());
    vulnerability.put("lastModifiedDate", published.toString());
    return vulnerability;
  }

  /**
   * The report on one container of a workload, scanned at {@code updated}.
   *
   * @param image as a pod names it, with a registry host, such as
   *     registry.example.org/lab/api:1.4.2
   */
  public static GenericKubernetesResource report(
      String namespace,
      String workloadKind,
      String workloadName,
      String image,
      Instant updated,
      List<Map<String, Object>> vulnerabilities) {
    String server = image.substring(0, image.indexOf('/'));
    String repository = image.substring(image.indexOf('/') + 1, image.lastIndexOf(':'));
    String tag = image.substring(image.lastIndexOf(':') + 1);
    long critical =
        vulnerabilities.stream().filter(v -> "CRITICAL".equals(v.get("severity"))).count();
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("aquasecurity.github.io/v1alpha1")
        .withKind("VulnerabilityReport")
        .withNewMetadata()
        .withName(workloadKind.toLowerCase() + "-" + workloadName + "-app")
        .withNamespace(namespace)
        .addToLabels("trivy-operator.resource.kind", workloadKind)
        .addToLabels("trivy-operator.resource.name", workloadName)
        .addToLabels("trivy-operator.resource.namespace", namespace)
        .addToLabels("trivy-operator.container.name", "app")
        .endMetadata()
        .addToAdditionalProperties(
            "report",
            Map.of(
                "artifact", Map.of("repository", repository, "tag", tag),
                "registry", Map.of("server", server),
                "os", Map.of("family", "debian", "name", "12.5"),
                "scanner", Map.of("name", "Trivy", "vendor", "Aqua Security", "version", "0.60.0"),
                "summary",
                    Map.of(
                        "criticalCount", critical,
                        "highCount", 0,
                        "mediumCount", 0,
                        "lowCount", 0,
                        "unknownCount", 0),
                "updateTimestamp", updated.toString(),
                "vulnerabilities", vulnerabilities))
        .build();
  }

  /** The report, as Trivy writes it for an image it resolved to {@code digest}. */
  public static GenericKubernetesResource withDigest(
      GenericKubernetesResource report, String digest) {
    Map<String, Object> body =
        new LinkedHashMap<>((Map<String, Object>) report.getAdditionalProperties().get("report"));
    Map<String, Object> artifact = new LinkedHashMap<>((Map<String, Object>) body.get("artifact"));
    artifact.put("digest", digest);
    body.put("artifact", artifact);
    report.getAdditionalProperties().put("report", body);
    return report;
  }
}
