package org.researchclouds.operator.api.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.parser.CelStandardMacro;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our CRDs as the API server judges them when they are created: every rule's estimated cost within
 * a tenth of the API server's per-rule limit, the CRD's total within a tenth of its limit, and
 * every string, list and map under spec bounded, so that no estimate can grow with a request.
 */
class CrdCostTest {
  private static final Cel CEL =
      CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS).build();
  private static final long RULE_BUDGET = CelCostEstimator.RULE_LIMIT / 10;
  private static final long CRD_BUDGET = CelCostEstimator.CRD_LIMIT / 10;

  @ParameterizedTest
  @ValueSource(strings = {"researchprojects", "securitybaselines"})
  void everyRuleAndTheTotalStayWithinATenthOfTheLimits(String plural) throws Exception {
    List<CostedRule> rules = costs(plural);
    long total = 0;
    for (CostedRule rule : rules) {
      System.out.printf(
          "%s %s: cost %,d x %,d runs: %s%n",
          plural, rule.path(), rule.cost(), rule.cardinality(), rule.rule());
      total =
          CelCostEstimator.add(total, CelCostEstimator.multiply(rule.cost(), rule.cardinality()));
    }
    System.out.printf("%s: %d rules, total %,d%n", plural, rules.size(), total);
    assertThat(rules)
        .allSatisfy(
            rule ->
                // The API server holds each rule's cost times how often it runs to the limit.
                assertThat(CelCostEstimator.multiply(rule.cost(), rule.cardinality()))
                    .as("estimated cost of %s at %s", rule.rule(), rule.path())
                    .isLessThanOrEqualTo(RULE_BUDGET));
    assertThat(total).as("total estimated cost of %s", plural).isLessThanOrEqualTo(CRD_BUDGET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"researchprojects", "securitybaselines"})
  void everyStringListAndMapUnderSpecIsBounded(String plural) throws IOException {
    List<String> unbounded = new ArrayList<>();
    unbounded("spec", topLevel(plural).get("spec"), unbounded);
    assertThat(unbounded).as("fields under spec without a bound").isEmpty();
  }

  @Test
  void estimatesALoopOfRegexMatchesAsTheApiServerDoes() throws Exception {
    JSONSchemaProps names =
        new JSONSchemaPropsBuilder()
            .withType("array")
            .withMaxItems(10L)
            .withNewItems()
            .withNewSchema()
            .withType("string")
            .withMaxLength(5L)
            .endSchema()
            .endItems()
            .build();
    // Per item: matches ceil(0.1 x (20 + 1)) x ceil(0.25 x 4) = 3, plus n: 4; the loop's
    // condition @not_strictly_false(accu) 2 and step accu && body 1 + 4: 7 per item. Around the
    // loop: self 1, true 0, the result accu 1. So 2 + 10 x 7.
    assertThat(CelCostEstimator.estimate(parse("self.all(n, n.matches('^a$'))"), names))
        .isEqualTo(72);
  }

  @Test
  void takesAnUnboundedStringAsLongAsARequest() throws Exception {
    JSONSchemaProps unbounded =
        new JSONSchemaPropsBuilder()
            .withType("array")
            .withMaxItems(20L)
            .withNewItems()
            .withNewSchema()
            .withType("string")
            .endSchema()
            .endItems()
            .build();
    // The namespace rule of the first CRDs: about 50 million, five times the per-rule limit.
    long cost =
        CelCostEstimator.estimate(
            parse("self.all(n, n.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'))"), unbounded);
    assertThat(cost).isGreaterThan(CelCostEstimator.RULE_LIMIT).isBetween(45_000_000L, 55_000_000L);
  }

  private static List<CostedRule> costs(String plural) throws IOException, CelValidationException {
    List<CostedRule> rules = new ArrayList<>();
    JSONSchemaProps root = schema(plural);
    collect("", root, new ArrayList<>(), rules);
    return rules;
  }

  private static void collect(
      String path, JSONSchemaProps schema, List<JSONSchemaProps> enclosing, List<CostedRule> out)
      throws CelValidationException {
    if (schema == null) {
      return;
    }
    for (ValidationRule rule :
        schema.getXKubernetesValidations() == null
            ? List.<ValidationRule>of()
            : schema.getXKubernetesValidations()) {
      out.add(
          new CostedRule(
              path.isEmpty() ? "." : path,
              rule.getRule(),
              CelCostEstimator.estimate(parse(rule.getRule()), schema),
              CelCostEstimator.cardinality(enclosing)));
    }
    if (schema.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
        collect(path + "." + property.getKey(), property.getValue(), enclosing, out);
      }
    }
    JSONSchemaProps element =
        schema.getItems() != null
            ? schema.getItems().getSchema()
            : schema.getAdditionalProperties() != null
                ? schema.getAdditionalProperties().getSchema()
                : null;
    if (element != null) {
      List<JSONSchemaProps> inner = new ArrayList<>(enclosing);
      inner.add(schema);
      collect(path + "[*]", element, inner, out);
    }
  }

  private static void unbounded(String path, JSONSchemaProps schema, List<String> out) {
    switch (schema.getType() == null ? "object" : schema.getType()) {
      case "string" -> {
        if (schema.getMaxLength() == null && schema.getEnum() == null) {
          out.add(path + ": string without maxLength or enum");
        }
      }
      case "array" -> {
        if (schema.getMaxItems() == null) {
          out.add(path + ": list without maxItems");
        }
        unbounded(path + "[*]", schema.getItems().getSchema(), out);
      }
      case "object" -> {
        if (schema.getAdditionalProperties() != null
            && schema.getAdditionalProperties().getSchema() != null) {
          if (schema.getMaxProperties() == null) {
            out.add(path + ": map without maxProperties");
          }
          unbounded(path + "[*]", schema.getAdditionalProperties().getSchema(), out);
        }
        if (schema.getProperties() != null) {
          schema.getProperties().forEach((name, child) -> unbounded(path + "." + name, child, out));
        }
      }
      default -> {}
    }
  }

  private static dev.cel.common.ast.CelExpr parse(String rule) throws CelValidationException {
    return CEL.parse(rule).getAst().getExpr();
  }

  private static Map<String, JSONSchemaProps> topLevel(String plural) throws IOException {
    return schema(plural).getProperties();
  }

  private static JSONSchemaProps schema(String plural) throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(
            Files.readString(Path.of("crds", plural + ".researchclouds.org.yaml")),
            CustomResourceDefinition.class);
    return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
  }

  private record CostedRule(String path, String rule, long cost, long cardinality) {}
}
