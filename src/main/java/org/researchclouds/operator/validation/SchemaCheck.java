package org.researchclouds.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.researchclouds.operator.api.Patterns;

/**
 * Checks a spec against the schema of its own CRD, as the API server would have. The operator does
 * not trust that it did: objects stored before a schema change, CRDs installed without their rules
 * and servers that skip validation all exist. The schema is the CRD the build generates into the
 * jar, so every required field, bound, pattern, enum and list type of the CRD is checked here too,
 * and each problem names the field's path.
 */
public final class SchemaCheck {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The schema's patterns, compiled once: the schema is fixed, and so is this set. */
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private final JSONSchemaProps specSchema;

  private SchemaCheck(JSONSchemaProps specSchema) {
    this.specSchema = specSchema;
  }

  /** The spec's schema in the CRD of {@code type}, as the build generated it into the jar. */
  public static SchemaCheck of(Class<? extends HasMetadata> type) {
    String resource = "/META-INF/fabric8/" + HasMetadata.getFullResourceName(type) + "-v1.yml";
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: build with `make build`");
      }
      CustomResourceDefinition crd = SERIALIZATION.unmarshal(in, CustomResourceDefinition.class);
      return new SchemaCheck(
          crd.getSpec()
              .getVersions()
              .get(0)
              .getSchema()
              .getOpenAPIV3Schema()
              .getProperties()
              .get("spec"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every way {@code spec} breaks the schema; a missing spec is one missing field. */
  public List<Problem> check(Object spec) {
    List<Problem> problems = new ArrayList<>();
    if (spec == null) {
      problems.add(new Problem("MissingField", "spec is required."));
    } else {
      check("spec", SERIALIZATION.convertValue(spec, JsonNode.class), specSchema, problems);
    }
    return problems;
  }

  private static void check(
      String path, JsonNode value, JSONSchemaProps schema, List<Problem> problems) {
    switch (schema.getType() == null ? "object" : schema.getType()) {
      case "string" -> checkString(path, value.asText(), schema, problems);
      case "integer", "number" -> checkNumber(path, value.asLong(), schema, problems);
      case "array" -> checkList(path, value, schema, problems);
      case "object" -> checkObject(path, value, schema, problems);
      default -> {}
    }
  }

  private static void checkString(
      String path, String text, JSONSchemaProps schema, List<Problem> problems) {
    if (schema.getEnum() != null
        && !schema.getEnum().isEmpty()
        && schema.getEnum().stream().noneMatch(allowed -> allowed.asText().equals(text))) {
      problems.add(
          problem(
              path,
              "'"
                  + text
                  + "' is not one of "
                  + String.join(
                      ", ", schema.getEnum().stream().map(JsonNode::asText).sorted().toList())));
    } else if (schema.getMaxLength() != null && characters(text) > schema.getMaxLength()) {
      problems.add(problem(path, "is longer than " + schema.getMaxLength() + " characters"));
    } else if (schema.getMinLength() != null && characters(text) < schema.getMinLength()) {
      problems.add(problem(path, "is shorter than " + schema.getMinLength() + " characters"));
    } else if (schema.getPattern() != null
        && !PATTERNS
            .computeIfAbsent(schema.getPattern(), Pattern::compile)
            .matcher(text)
            .matches()) {
      problems.add(problem(path, "'" + text + "' is not " + Patterns.meaning(schema.getPattern())));
    }
  }

  /** Characters as the API server counts them: code points, not UTF-16 units. */
  private static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  private static void checkNumber(
      String path, long number, JSONSchemaProps schema, List<Problem> problems) {
    if (schema.getMinimum() != null && number < schema.getMinimum()) {
      problems.add(
          problem(path, number + " is below the minimum " + schema.getMinimum().longValue()));
    } else if (schema.getMaximum() != null && number > schema.getMaximum()) {
      problems.add(
          problem(path, number + " is above the maximum " + schema.getMaximum().longValue()));
    }
  }

  private static void checkList(
      String path, JsonNode list, JSONSchemaProps schema, List<Problem> problems) {
    if (schema.getMaxItems() != null && list.size() > schema.getMaxItems()) {
      problems.add(
          problem(path, "has " + list.size() + " items, more than " + schema.getMaxItems()));
    }
    if (schema.getMinItems() != null && list.size() < schema.getMinItems()) {
      problems.add(problem(path, "needs at least " + schema.getMinItems() + " item"));
    }
    JSONSchemaProps item = schema.getItems().getSchema();
    checkUnique(path, list, schema, item, problems);
    for (int i = 0; i < list.size(); i++) {
      check(path + "[" + i + "]", list.get(i), item, problems);
    }
  }

  /** A list-type set holds each item once; a list-type map each key once. */
  private static void checkUnique(
      String path,
      JsonNode list,
      JSONSchemaProps schema,
      JSONSchemaProps item,
      List<Problem> problems) {
    String listType = schema.getXKubernetesListType();
    if (!"set".equals(listType) && !"map".equals(listType)) {
      return;
    }
    Set<List<String>> seen = new HashSet<>();
    for (JsonNode entry : list) {
      List<String> key =
          "set".equals(listType)
              ? List.of(entry.asText())
              : schema.getXKubernetesListMapKeys().stream()
                  .map(field -> keyValue(entry, field, item))
                  .toList();
      if (!seen.add(key)) {
        problems.add(
            new Problem(
                duplicateReason(path, schema),
                path + ": " + String.join("/", key) + " is listed more than once; list it once."));
      }
    }
  }

  private static String keyValue(JsonNode entry, String field, JSONSchemaProps item) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull()) {
      JsonNode fallback = item.getProperties().get(field).getDefault();
      return fallback == null ? "" : fallback.asText();
    }
    return value.asText();
  }

  private static void checkObject(
      String path, JsonNode object, JSONSchemaProps schema, List<Problem> problems) {
    if (schema.getRequired() != null) {
      for (String field : schema.getRequired()) {
        if (absent(object.get(field))) {
          problems.add(new Problem("MissingField", path + "." + field + " is required."));
        }
      }
    }
    if (schema.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
        JsonNode value = object.get(property.getKey());
        if (!absent(value)) {
          check(path + "." + property.getKey(), value, property.getValue(), problems);
        }
      }
    }
    if (schema.getAdditionalProperties() != null
        && schema.getAdditionalProperties().getSchema() != null) {
      if (schema.getMaxProperties() != null && object.size() > schema.getMaxProperties()) {
        problems.add(
            problem(
                path, "has " + object.size() + " entries, more than " + schema.getMaxProperties()));
      }
      Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        check(
            path + "." + entry.getKey(),
            entry.getValue(),
            schema.getAdditionalProperties().getSchema(),
            problems);
      }
    }
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }

  private static Problem problem(String path, String what) {
    return new Problem(reason(path), path + ": " + what + ".");
  }

  /** The most precise reason the field's place allows, for dashboards and alerts to key on. */
  private static String reason(String path) {
    String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
    if (path.startsWith("spec.backup")) {
      return "InvalidBackupSetting";
    }
    return switch (field) {
      case "port", "endPort" -> "InvalidPort";
      case "cidrs" -> "InvalidCidr";
      case "namespaces" -> "InvalidNamespace";
      case "hosts" -> "InvalidHost";
      case "principalInvestigator", "securityContact", "acceptedBy" -> "InvalidContact";
      default -> "InvalidField";
    };
  }

  private static String duplicateReason(String path, JSONSchemaProps schema) {
    if (path.endsWith(".namespaces")) {
      return "DuplicateNamespace";
    }
    List<String> keys = schema.getXKubernetesListMapKeys();
    if (keys == null || keys.isEmpty()) {
      return "DuplicateEntry";
    }
    return keys.contains("port") ? "DuplicatePort" : "DuplicateName";
  }
}
