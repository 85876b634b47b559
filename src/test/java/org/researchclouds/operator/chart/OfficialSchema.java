package org.researchclouds.operator.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;

/** Where the official Kubernetes OpenAPI document defines a built-in kind the chart renders. */
record OfficialSchema(String document, String name) {
  private static final Map<String, String> DOCUMENTS =
      Map.of(
          "v1", "api__v1_openapi.json",
          "apps/v1", "apis__apps__v1_openapi.json",
          "rbac.authorization.k8s.io/v1", "apis__rbac.authorization.k8s.io__v1_openapi.json",
          "networking.k8s.io/v1", "apis__networking.k8s.io__v1_openapi.json",
          "policy/v1", "apis__policy__v1_openapi.json");

  /** The schema of a built-in kind; empty for custom resources. */
  static Optional<OfficialSchema> of(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    return Optional.ofNullable(DOCUMENTS.get(apiVersion))
        .map(
            document -> {
              String group =
                  apiVersion.contains("/")
                      ? apiVersion.substring(0, apiVersion.indexOf('/'))
                      : "core";
              String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
              String shortGroup =
                  group.endsWith(".k8s.io") ? group.substring(0, group.indexOf('.')) : group;
              return new OfficialSchema(
                  document, "io.k8s.api." + shortGroup + "." + version + "." + object.getKind());
            });
  }
}
