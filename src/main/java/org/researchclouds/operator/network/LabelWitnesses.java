package org.researchclouds.operator.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Label sets that a selector selects: one for each value an {@code In} allows, a fresh value where
 * a key must exist but may not take the values of a {@code NotIn}, and the key left out where it
 * may or must be absent. A selector no labels satisfy gives none.
 */
final class LabelWitnesses {
  /** Enough for any selector written by hand; beyond it, each value appears once. */
  private static final int MAX_WITNESSES = 32;

  private static final String FRESH = "witness";

  private LabelWitnesses() {}

  /**
   * @param taken label values used anywhere around, which a fresh value must not be: a pod that a
   *     declared selector names would stand for others that it does not
   */
  static List<Map<String, String>> of(LabelSelector selector, Set<String> taken) {
    if (selector == null) {
      return List.of(Map.of());
    }
    Map<String, String> required =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    Set<String> keys = new LinkedHashSet<>(required.keySet());
    expressions.forEach(e -> keys.add(e.getKey()));
    Map<String, List<String>> candidates = new LinkedHashMap<>();
    for (String key : keys) {
      candidates.put(key, candidates(key, required.get(key), expressions, taken));
    }
    long combinations =
        candidates.values().stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
    List<Map<String, String>> witnesses =
        combinations <= MAX_WITNESSES ? product(candidates) : eachValueOnce(candidates);
    return witnesses.stream()
        .filter(labels -> LabelSelectors.matches(selector, labels))
        .map(Map::copyOf)
        .distinct()
        .toList();
  }

  private static List<Map<String, String>> product(Map<String, List<String>> candidates) {
    List<Map<String, String>> witnesses = new ArrayList<>();
    witnesses.add(new TreeMap<>());
    for (Map.Entry<String, List<String>> key : candidates.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : witnesses) {
        for (String value : key.getValue()) {
          next.add(with(partial, key.getKey(), value));
        }
      }
      witnesses = next;
    }
    return witnesses;
  }

  /**
   * Beyond the cap, every value of every key still appears once, the other keys at their first
   * value: a policy that opens pods of one value is seen whatever the rest.
   */
  private static List<Map<String, String>> eachValueOnce(Map<String, List<String>> candidates) {
    if (candidates.values().stream().anyMatch(List::isEmpty)) {
      return List.of();
    }
    Map<String, String> first = new TreeMap<>();
    candidates.forEach((key, values) -> first.putAll(with(Map.of(), key, values.get(0))));
    List<Map<String, String>> witnesses = new ArrayList<>();
    candidates.forEach(
        (key, values) -> values.forEach(value -> witnesses.add(with(first, key, value))));
    return witnesses;
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> next = new TreeMap<>(labels);
    if (value == null) {
      next.remove(key);
    } else {
      next.put(key, value);
    }
    return next;
  }

  /** The values the key may take, {@code null} standing for the key left out. */
  private static List<String> candidates(
      String key, String required, List<LabelSelectorRequirement> expressions, Set<String> taken) {
    List<Set<String>> in = new ArrayList<>();
    Set<String> notIn = new LinkedHashSet<>();
    boolean exists = required != null;
    boolean absent = false;
    for (LabelSelectorRequirement expression : expressions) {
      if (!key.equals(expression.getKey())) {
        continue;
      }
      List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
      switch (expression.getOperator()) {
        case "In" -> {
          in.add(new LinkedHashSet<>(values));
          exists = true;
        }
        case "NotIn" -> notIn.addAll(values);
        case "Exists" -> exists = true;
        case "DoesNotExist" -> absent = true;
        default -> {
          return List.of();
        }
      }
    }
    if (absent) {
      return exists ? List.of() : nullOnly();
    }
    Set<String> allowed = new LinkedHashSet<>();
    if (required != null) {
      allowed.add(required);
    } else if (!in.isEmpty()) {
      allowed.addAll(in.get(0));
    }
    in.forEach(allowed::retainAll);
    allowed.removeAll(notIn);
    List<String> values = new ArrayList<>(allowed);
    if (required == null && in.isEmpty()) {
      Set<String> avoided = new LinkedHashSet<>(notIn);
      avoided.addAll(taken);
      values.add(fresh(avoided));
      if (!exists) {
        values.add(null);
      }
    }
    return values;
  }

  private static List<String> nullOnly() {
    List<String> values = new ArrayList<>();
    values.add(null);
    return values;
  }

  private static String fresh(Set<String> taken) {
    String value = FRESH;
    for (int i = 1; taken.contains(value); i++) {
      value = FRESH + "-" + i;
    }
    return value;
  }
}
