package org.researchclouds.operator.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
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
  /** Enough for any selector written by hand; beyond it, the first combinations stand for all. */
  private static final int MAX_WITNESSES = 32;

  private static final String FRESH = "witness";

  private LabelWitnesses() {}

  static List<Map<String, String>> of(LabelSelector selector) {
    if (selector == null) {
      return List.of(Map.of());
    }
    Map<String, String> required =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    Set<String> keys = new LinkedHashSet<>(required.keySet());
    expressions.forEach(e -> keys.add(e.getKey()));

    List<Map<String, String>> witnesses = new ArrayList<>();
    witnesses.add(new TreeMap<>());
    for (String key : keys) {
      List<String> values = candidates(key, required.get(key), expressions);
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : witnesses) {
        for (String value : values) {
          if (next.size() < MAX_WITNESSES) {
            Map<String, String> labels = new TreeMap<>(partial);
            if (value != null) {
              labels.put(key, value);
            }
            next.add(labels);
          }
        }
      }
      witnesses = next;
    }
    return witnesses.stream()
        .filter(labels -> LabelSelectors.matches(selector, labels))
        .map(Map::copyOf)
        .distinct()
        .toList();
  }

  /** The values the key may take, {@code null} standing for the key left out. */
  private static List<String> candidates(
      String key, String required, List<LabelSelectorRequirement> expressions) {
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
      values.add(fresh(notIn));
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
