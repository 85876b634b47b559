package org.researchclouds.operator.api.cost;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelComprehension;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API server's static estimate of one CEL rule's worst-case cost, computed as it does when a
 * CRD is created. The formulas follow the sources, which this class reads like:
 *
 * <ul>
 *   <li><b>Costs</b> (cel-go {@code checker/cost.go}, {@code common/cost.go}): a literal costs 0;
 *       an identifier 1; a field selection 1 plus its operand; {@code has()} 1 plus its operand; a
 *       list literal 10 and a map literal 30 plus their entries; any other call 1 plus its
 *       arguments, except: {@code ==}, {@code !=} and string comparisons cost {@code ceil(0.1 ×
 *       min(size(lhs), size(rhs)))}; {@code startsWith} and {@code endsWith} {@code ceil(0.1 ×
 *       size(prefix))}; {@code in} a list its size; {@code contains} {@code ceil(0.1 × size(s)) ×
 *       ceil(0.1 × size(t))}; {@code matches} {@code ceil(0.1 × (size(s) + 1)) × ceil(0.25 ×
 *       size(regex))}; {@code &&} and {@code ||} the sum of both sides; {@code ?:} the condition
 *       plus the dearer branch. A comprehension ({@code all}, {@code exists}, {@code exists_one},
 *       {@code map}, {@code filter}) costs its range, its initial value and its result, plus the
 *       range's size times its loop condition and step.
 *   <li><b>Sizes</b> (k8s.io/apiserver {@code pkg/cel/common/schemas.go}, {@code
 *       pkg/cel/limits.go}): a string of {@code maxLength} n is up to 4n bytes (a code point may
 *       take 4); an enum string as long as its longest value; a string with neither as long as a
 *       whole request, 3 MiB less its quotes; a list has {@code maxItems} items, and without it as
 *       many of its smallest item as fit in 3 MiB; a map {@code maxProperties} entries, or likewise
 *       as many as fit. A literal's size is exact.
 *   <li><b>Limits</b> (k8s.io/apiextensions-apiserver {@code pkg/apiserver/schema/cel/
 *       compilation.go}, {@code pkg/apis/apiextensions/validation/validation.go}): one rule's cost,
 *       multiplied by how often it can run (the product of {@code maxItems} or {@code
 *       maxProperties} of the lists and maps around it), may be at most 10,000,000 ({@code
 *       StaticEstimatedCostLimit}); the CRD's rules together, each so multiplied, at most
 *       100,000,000 ({@code StaticEstimatedCRDCostLimit}).
 * </ul>
 *
 * It knows the functions our rules use; an unknown function fails the estimate rather than guess.
 */
public final class CelCostEstimator {
  public static final long RULE_LIMIT = 10_000_000L;
  public static final long CRD_LIMIT = 100_000_000L;

  /** The API server's request limit, in bytes: the size of anything unbounded. */
  static final long MAX_REQUEST_BYTES = 3 * 1024 * 1024;

  static final long UNKNOWN = Long.MAX_VALUE;

  /**
   * What rules see of the root's metadata (apiextensions-apiserver, {@code
   * model.WithTypeAndObjectMeta}): name and generateName, strings with no maxLength.
   */
  private static final JSONSchemaProps OBJECT_META =
      new JSONSchemaPropsBuilder()
          .withType("object")
          .addToProperties("name", new JSONSchemaPropsBuilder().withType("string").build())
          .addToProperties("generateName", new JSONSchemaPropsBuilder().withType("string").build())
          .build();

  private final Deque<Map<String, Estimate>> scopes = new ArrayDeque<>();

  private CelCostEstimator(Map<String, Estimate> variables) {
    scopes.push(variables);
  }

  /**
   * The worst-case cost of {@code rule}, whose {@code self} (and {@code oldSelf}) is {@code
   * schema}.
   */
  public static long estimate(CelExpr rule, JSONSchemaProps schema) {
    Estimate self = new Estimate(0, sizeOf(schema), schema);
    return new CelCostEstimator(Map.of("self", self, "oldSelf", self)).cost(rule).cost();
  }

  /** How many times a rule may run: the product of the bounds of the lists and maps around it. */
  public static long cardinality(List<JSONSchemaProps> enclosing) {
    long product = 1;
    for (JSONSchemaProps container : enclosing) {
      product = multiply(product, sizeOf(container));
    }
    return product;
  }

  /**
   * What the estimator knows of an expression: its cost, its size, the schema it reads, and for a
   * literal list or map, the size of its largest element.
   */
  record Estimate(long cost, long size, JSONSchemaProps schema, long elementSize) {
    Estimate(long cost, long size, JSONSchemaProps schema) {
      this(cost, size, schema, UNKNOWN);
    }
  }

  private Estimate cost(CelExpr expr) {
    return switch (expr.getKind()) {
      case CONSTANT -> new Estimate(0, constantSize(expr.constant()), null);
      case IDENT -> ident(expr.ident().name());
      case SELECT -> select(expr);
      case CALL -> call(expr.call());
      case LIST -> list(expr.list().elements());
      case MAP -> map(expr);
      case COMPREHENSION -> comprehension(expr.comprehension());
      default -> throw new IllegalArgumentException("no estimate for " + expr);
    };
  }

  private Estimate ident(String name) {
    for (Map<String, Estimate> scope : scopes) {
      Estimate variable = scope.get(name);
      if (variable != null) {
        return new Estimate(1, variable.size(), variable.schema());
      }
    }
    throw new IllegalArgumentException("unknown variable " + name);
  }

  private Estimate select(CelExpr expr) {
    Estimate operand = cost(expr.select().operand());
    if (expr.select().testOnly()) {
      return new Estimate(add(operand.cost(), 1), 1, null);
    }
    JSONSchemaProps field = property(operand.schema(), expr.select().field());
    return new Estimate(add(operand.cost(), 1), sizeOf(field), field);
  }

  private Estimate call(CelCall call) {
    long argumentCosts = 0;
    Estimate[] args = new Estimate[call.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = cost(call.args().get(i));
      argumentCosts = add(argumentCosts, args[i].cost());
    }
    Estimate target = call.target().map(this::cost).orElse(null);
    long targetCost = target == null ? 0 : target.cost();
    long sum = add(argumentCosts, targetCost);
    return switch (call.function()) {
      case "_&&_", "_||_" -> new Estimate(sum, 1, null);
      case "@not_strictly_false", "!_", "size" -> new Estimate(add(sum, 1), 1, null);
      // Strings compare by length, scalars (size 1) at 1: one formula covers both.
      case "_<_", "_>_", "_<=_", "_>=_" ->
          new Estimate(
              add(sum, Math.max(1, traversal(Math.min(args[0].size(), args[1].size())))), 1, null);
      case "_+_", "_-_" -> {
        if (args[0].size() != 1 || args[1].size() != 1) {
          throw new IllegalArgumentException("no estimate for concatenation in " + call);
        }
        yield new Estimate(add(sum, 1), 1, null);
      }
      case "_==_", "_!=_" ->
          new Estimate(add(sum, traversal(Math.min(args[0].size(), args[1].size()))), 1, null);
      case "startsWith", "endsWith" -> new Estimate(add(sum, traversal(args[0].size())), 1, null);
      case "contains" ->
          new Estimate(
              add(sum, multiply(traversal(target.size()), traversal(args[0].size()))), 1, null);
      case "matches" ->
          new Estimate(
              add(
                  sum,
                  multiply(traversal(add(target.size(), 1)), ceilFactor(args[0].size(), 0.25))),
              1,
              null);
      case "@in" -> new Estimate(add(sum, args[1].size()), 1, null);
      case "_?_:_" ->
          new Estimate(
              add(args[0].cost(), Math.max(args[1].cost(), args[2].cost())),
              Math.max(args[1].size(), args[2].size()),
              args[1].schema() != null ? args[1].schema() : args[2].schema());
      case "_[_]" -> index(sum, args[0], args[1]);
      default -> throw new IllegalArgumentException("no estimate for function " + call.function());
    };
  }

  private static Estimate index(long sum, Estimate container, Estimate key) {
    JSONSchemaProps element = element(container.schema());
    return new Estimate(
        add(sum, 1), element == null ? container.elementSize() : sizeOf(element), element);
  }

  private Estimate list(List<CelExpr> elements) {
    long cost = 10;
    long elementSize = 0;
    for (CelExpr element : elements) {
      Estimate estimate = cost(element);
      cost = add(cost, estimate.cost());
      elementSize = Math.max(elementSize, estimate.size());
    }
    return new Estimate(cost, elements.size(), null, elementSize);
  }

  private Estimate map(CelExpr expr) {
    long cost = 30;
    long valueSize = 0;
    for (CelExpr.CelMap.Entry entry : expr.map().entries()) {
      cost = add(cost, cost(entry.key()).cost());
      Estimate value = cost(entry.value());
      cost = add(cost, value.cost());
      valueSize = Math.max(valueSize, value.size());
    }
    return new Estimate(cost, expr.map().entries().size(), null, valueSize);
  }

  private Estimate comprehension(CelComprehension comprehension) {
    Estimate range = cost(comprehension.iterRange());
    Estimate init = cost(comprehension.accuInit());
    JSONSchemaProps item = element(range.schema());
    Map<String, Estimate> scope = new HashMap<>();
    scope.put(comprehension.accuVar(), init);
    scope.put(
        comprehension.iterVar(),
        new Estimate(0, item == null ? range.elementSize() : sizeOf(item), item));
    scopes.push(scope);
    long perItem =
        add(cost(comprehension.loopCondition()).cost(), cost(comprehension.loopStep()).cost());
    Estimate result = cost(comprehension.result());
    scopes.pop();
    long total = add(add(range.cost(), init.cost()), result.cost());
    return new Estimate(add(total, multiply(range.size(), perItem)), range.size(), null);
  }

  /** The items of a list, or the values of a map. */
  private static JSONSchemaProps element(JSONSchemaProps schema) {
    if (schema == null) {
      return null;
    }
    if (schema.getItems() != null) {
      return schema.getItems().getSchema();
    }
    return schema.getAdditionalProperties() == null
        ? null
        : schema.getAdditionalProperties().getSchema();
  }

  private static JSONSchemaProps property(JSONSchemaProps object, String name) {
    if (object == null) {
      return null;
    }
    if ("metadata".equals(name) && !object.getProperties().containsKey(name)) {
      return OBJECT_META;
    }
    return object.getProperties() == null ? null : object.getProperties().get(name);
  }

  /**
   * The worst-case size the schema allows: bytes of a string, items of a list, entries of a map.
   */
  static long sizeOf(JSONSchemaProps schema) {
    if (schema == null) {
      return UNKNOWN;
    }
    String type = schema.getType() == null ? "object" : schema.getType();
    return switch (type) {
      case "string" -> {
        if (schema.getMaxLength() != null) {
          yield multiply(schema.getMaxLength(), 4);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
          yield schema.getEnum().stream().mapToLong(e -> e.asText().length()).max().orElse(0);
        }
        yield MAX_REQUEST_BYTES - 2;
      }
      case "array" ->
          schema.getMaxItems() != null
              ? schema.getMaxItems()
              : (MAX_REQUEST_BYTES - 2) / (minSerializedSize(element(schema)) + 1);
      case "object" -> {
        if (schema.getAdditionalProperties() == null) {
          yield 1;
        }
        yield schema.getMaxProperties() != null
            ? schema.getMaxProperties()
            // An entry is at least a key, a colon and a value: "":v
            : (MAX_REQUEST_BYTES - 2) / (minSerializedSize(element(schema)) + 4);
      }
      default -> 1;
    };
  }

  private static long minSerializedSize(JSONSchemaProps schema) {
    String type = schema == null || schema.getType() == null ? "object" : schema.getType();
    return switch (type) {
      case "string", "array", "object" -> 2;
      case "boolean" -> 4;
      default -> 1;
    };
  }

  private static long constantSize(CelConstant constant) {
    return switch (constant.getKind()) {
      case STRING_VALUE ->
          constant.stringValue().codePointCount(0, constant.stringValue().length());
      case BYTES_VALUE -> constant.bytesValue().size();
      default -> 1;
    };
  }

  private static long traversal(long size) {
    return ceilFactor(size, 0.1);
  }

  private static long ceilFactor(long size, double factor) {
    return size == UNKNOWN ? UNKNOWN : (long) Math.ceil(size * factor);
  }

  static long add(long a, long b) {
    return a > UNKNOWN - b ? UNKNOWN : a + b;
  }

  static long multiply(long a, long b) {
    return b != 0 && a > UNKNOWN / b ? UNKNOWN : a * b;
  }
}
