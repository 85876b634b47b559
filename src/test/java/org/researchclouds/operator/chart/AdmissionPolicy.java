package org.researchclouds.operator.chart;

import com.google.protobuf.NullValue;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart's ValidatingAdmissionPolicy, evaluated as the API server would: its match constraints
 * and condition, then its variables and validations in CEL (cel-java) over an admission request's
 * {@code object}, {@code oldObject}, {@code namespaceObject} and {@code request}. No real API
 * server runs here, so this is how the tests know the policy admits every write the operator makes
 * and denies the writes of a compromised operator.
 */
public final class AdmissionPolicy {
  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("object", SimpleType.DYN)
          .addVar("oldObject", SimpleType.DYN)
          .addVar("namespaceObject", SimpleType.DYN)
          .addVar("request", SimpleType.DYN)
          .addVar("variables", SimpleType.DYN)
          .build();

  private final GenericKubernetesResource policy;
  private final Map<String, Expression> variables = new LinkedHashMap<>();
  private final List<Expression> conditions = new ArrayList<>();
  private final Map<String, Expression> validations = new LinkedHashMap<>();

  private record Expression(String text, CelAbstractSyntaxTree ast) {}

  /** A write as the API server hands it to the policy; absent objects are null. */
  public record Request(
      String operation,
      String group,
      String resource,
      Map<String, Object> object,
      Map<String, Object> oldObject,
      Map<String, Object> namespaceObject,
      String username,
      List<String> groups) {}

  private AdmissionPolicy(GenericKubernetesResource policy) throws CelValidationException {
    this.policy = policy;
    for (Map<String, Object> variable : list("spec", "variables")) {
      variables.put((String) variable.get("name"), compile((String) variable.get("expression")));
    }
    for (Map<String, Object> condition : list("spec", "matchConditions")) {
      conditions.add(compile((String) condition.get("expression")));
    }
    for (Map<String, Object> validation : list("spec", "validations")) {
      validations.put(
          (String) validation.get("message"), compile((String) validation.get("expression")));
    }
  }

  /** The policy on the operator's writes, as the chart renders it with its default values. */
  public static AdmissionPolicy ofDefaultValues() {
    return named(RenderedChart.FULL_NAME + "-writes");
  }

  /** A policy of the chart, rendered with its default values. */
  public static AdmissionPolicy named(String name) {
    GenericKubernetesResource rendered =
        RenderedChart.render(Map.of())
            .find("ValidatingAdmissionPolicy", name)
            .orElseThrow(() -> new AssertionError("no policy " + name));
    try {
      return new AdmissionPolicy(rendered);
    } catch (CelValidationException e) {
      throw new AssertionError("the policy's CEL does not compile: " + e.getMessage(), e);
    }
  }

  /** The operator's ServiceAccount as the chart installs it with its default values. */
  public static String operatorUser() {
    return "system:serviceaccount:" + RenderedChart.NAMESPACE + ":" + RenderedChart.FULL_NAME;
  }

  /** Every expression of the policy, for the tests that check their shape and cost. */
  public List<String> expressions() {
    List<String> all = new ArrayList<>();
    variables.values().forEach(e -> all.add(e.text()));
    conditions.forEach(e -> all.add(e.text()));
    validations.values().forEach(e -> all.add(e.text()));
    return all;
  }

  /** The messages of the validations the request fails; empty when it is admitted. */
  public List<String> denials(Request request) {
    if (!matches(request)) {
      return List.of();
    }
    Map<String, Object> input = new HashMap<>();
    input.put("object", orNull(request.object()));
    input.put("oldObject", orNull(request.oldObject()));
    input.put("namespaceObject", orNull(request.namespaceObject()));
    input.put(
        "request",
        Map.of(
            "operation", request.operation(),
            "userInfo", Map.of("username", request.username(), "groups", request.groups()),
            "resource", Map.of("group", request.group(), "resource", request.resource())));
    Map<String, Object> computed = new HashMap<>();
    input.put("variables", computed);
    for (Map.Entry<String, Expression> variable : variables.entrySet()) {
      computed.put(variable.getKey(), evaluate(variable.getValue(), input));
    }
    if (!conditions.stream().allMatch(c -> Boolean.TRUE.equals(evaluate(c, input)))) {
      return List.of();
    }
    List<String> denied = new ArrayList<>();
    validations.forEach(
        (message, expression) -> {
          // failurePolicy Fail: an expression that errors denies the request.
          if (!Boolean.TRUE.equals(evaluate(expression, input))) {
            denied.add(message.strip());
          }
        });
    return denied;
  }

  private boolean matches(Request request) {
    for (Map<String, Object> rule : list("spec", "matchConstraints", "resourceRules")) {
      if (((List<?>) rule.get("apiGroups")).contains(request.group())
          && ((List<?>) rule.get("resources")).contains(request.resource())
          && ((List<?>) rule.get("operations")).contains(request.operation())) {
        return true;
      }
    }
    return false;
  }

  private static Object evaluate(Expression expression, Map<String, Object> input) {
    try {
      return CEL.createProgram(expression.ast()).eval(input);
    } catch (CelEvaluationException e) {
      return e;
    }
  }

  private static Object orNull(Object value) {
    return value == null ? NullValue.NULL_VALUE : value;
  }

  private static Expression compile(String text) throws CelValidationException {
    return new Expression(text, CEL.compile(text).getAst());
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String... path) {
    Object node = policy.getAdditionalProperties();
    for (String step : path) {
      node = node == null ? null : ((Map<String, Object>) node).get(step);
    }
    return node == null ? List.of() : (List<Map<String, Object>>) node;
  }
}
