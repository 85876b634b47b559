package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CEL rules of the generated CRDs, evaluated with cel-java on accepted and rejected objects, so
 * that the schema's cross-field checks are known to work without an API server.
 */
class CrdValidationRulesTest {
  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar("oldSelf", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .build();

  private final Map<String, String> rules = new HashMap<>();

  CrdValidationRulesTest() throws IOException {
    for (String file :
        List.of(
            "researchprojects.researchclouds.org.yaml",
            "securitybaselines.researchclouds.org.yaml")) {
      try (InputStream in = Files.newInputStream(Path.of("crds", file))) {
        CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
        collect(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
      }
    }
  }

  @Test
  void everyRuleCompiles() throws Exception {
    assertThat(rules).hasSizeGreaterThanOrEqualTo(7);
    for (String rule : rules.values()) {
      assertThat(CEL.compile(rule).getAst()).as(rule).isNotNull();
    }
  }

  @Test
  void projectNameIsADnsLabel() throws Exception {
    String rule = "the project name must be a DNS-1123 label of at most 63 characters";
    assertThat(holds(rule, Map.of("metadata", Map.of("name", "genomics-lab")))).isTrue();
    assertThat(holds(rule, Map.of("metadata", Map.of("name", "a".repeat(64))))).isFalse();
    assertThat(holds(rule, Map.of("metadata", Map.of("name", "lab.example")))).isFalse();
  }

  @Test
  void namespacesStayOutsideThePlatform() throws Exception {
    String rule = "default and kube-* namespaces belong to the platform";
    assertThat(holds(rule, Map.of("namespaces", List.of("lab", "lab-2")))).isTrue();
    assertThat(holds(rule, Map.of("namespaces", List.of("kube-system")))).isFalse();
    assertThat(holds(rule, Map.of("namespaces", List.of("default")))).isFalse();
    assertThat(holds(rule, Map.of())).isTrue();
  }

  @Test
  void exposureSourcesAreNamedAndWellFormed() throws Exception {
    assertThat(holds("name at least one source: ingressController, cidrs or projects", Map.of()))
        .isFalse();
    assertThat(
            holds(
                "name at least one source: ingressController, cidrs or projects",
                Map.of("ingressController", false)))
        .isFalse();
    assertThat(
            holds(
                "name at least one source: ingressController, cidrs or projects",
                Map.of("ingressController", true)))
        .isTrue();
  }

  @Test
  void exposuresNameTheirServiceAndHosts() throws Exception {
    String service = "a NodePort or LoadBalancer exposure must name its service";
    assertThat(holds(service, Map.of("serviceType", "LoadBalancer"))).isFalse();
    assertThat(holds(service, Map.of("serviceType", "LoadBalancer", "service", "web"))).isTrue();
    assertThat(holds(service, Map.of("serviceType", "ClusterIP"))).isTrue();
  }

  @Test
  void portRangesAndServiceAccountMembersAreCoherent() throws Exception {
    assertThat(holds("endPort must not be below port", Map.of("port", 80L, "endPort", 79L)))
        .isFalse();
    assertThat(holds("endPort must not be below port", Map.of("port", 80L, "endPort", 90L)))
        .isTrue();
    String member = "namespace is required for a ServiceAccount and only for it";
    assertThat(holds(member, Map.of("kind", "ServiceAccount"))).isFalse();
    assertThat(holds(member, Map.of("kind", "ServiceAccount", "namespace", "lab"))).isTrue();
    assertThat(holds(member, Map.of("kind", "User", "namespace", "lab"))).isFalse();
  }

  @Test
  void dataClassificationCanOnlyBeRaised() throws Exception {
    String rule =
        rules.keySet().stream()
            .filter(m -> m.startsWith("dataClassification may only"))
            .findFirst()
            .orElseThrow();
    assertThat(
            holds(
                rule,
                Map.of("dataClassification", "sensitive"),
                Map.of("dataClassification", "internal")))
        .isTrue();
    assertThat(
            holds(
                rule,
                Map.of("dataClassification", "public"),
                Map.of("dataClassification", "sensitive")))
        .isFalse();
    assertThat(
            holds(
                rule,
                Map.of("dataClassification", "restricted"),
                Map.of("dataClassification", "restricted")))
        .isTrue();
  }

  private boolean holds(String message, Map<String, Object> self) throws Exception {
    return holds(message, self, self);
  }

  private boolean holds(String message, Map<String, Object> self, Map<String, Object> oldSelf)
      throws Exception {
    String rule = rules.get(message);
    assertThat(rule).as("rule with message '%s'", message).isNotNull();
    CelAbstractSyntaxTree ast = CEL.compile(rule).getAst();
    return (Boolean) CEL.createProgram(ast).eval(Map.of("self", self, "oldSelf", oldSelf));
  }

  private void collect(JSONSchemaProps schema) {
    if (schema == null) {
      return;
    }
    for (ValidationRule rule : schema.getXKubernetesValidations()) {
      rules.put(rule.getMessage(), rule.getRule());
    }
    schema.getProperties().values().forEach(this::collect);
    if (schema.getItems() != null) {
      collect(schema.getItems().getSchema());
    }
  }
}
