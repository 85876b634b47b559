package org.researchclouds.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Invalid projects generated from the CRD's own schema, one broken constraint at a time: every
 * required field left out, every bound passed, every pattern and enum missed, every list-set and
 * list-map given a repeat, plus each CEL rule broken. The operator must not trust that the API
 * server refused them: each must get a precise reason (never ReconcileFailed) that names the field,
 * and a problem, so that nothing is applied.
 */
class InvalidInputTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern REASON = Pattern.compile("^[A-Z][A-Za-z]+$");

  @Test
  void theBaseSetsEveryFieldAndIsValid() throws IOException {
    assertThat(verdicts(base())).isEmpty();
    List<String> unset = new ArrayList<>();
    everyField("spec", specSchema(), base().get("spec"), unset);
    assertThat(unset).as("fields the base leaves unset").isEmpty();
  }

  @Test
  void everyBrokenConstraintGetsAPreciseReasonNamingTheField() throws IOException {
    List<Case> cases = new ArrayList<>();
    generate("spec", specSchema(), base().get("spec"), cases);
    cases.addAll(celRuleCases());

    List<String> imprecise = new ArrayList<>();
    for (Case broken : cases) {
      ObjectNode object = base();
      broken.edit().accept(object);
      List<Verdict> verdicts = verdicts(object);
      boolean precise =
          verdicts.stream()
              .anyMatch(
                  v ->
                      REASON.matcher(v.reason()).matches()
                          && !v.reason().equals("ReconcileFailed")
                          && v.message().contains(broken.field())
                          && !v.message().contains("Exception"));
      if (!precise) {
        imprecise.add(broken.what() + " at " + broken.field() + " -> " + verdicts);
      }
    }
    System.out.printf(
        "invalid inputs tried: %d, with a precise reason: %d%n",
        cases.size(), cases.size() - imprecise.size());
    assertThat(cases).hasSizeGreaterThan(60);
    assertThat(imprecise).isEmpty();
  }

  private record Case(String what, String field, Consumer<ObjectNode> edit) {}

  private record Verdict(String reason, String message) {}

  /** What the reconciler would report: the spec unreadable, or the validator's problems. */
  private static List<Verdict> verdicts(ObjectNode object) {
    ResearchProject project =
        SERIALIZATION.unmarshal(SERIALIZATION.asJson(object), ResearchProject.class);
    if (project.getSpec() == null) {
      return List.of(new Verdict("UnreadableSpec", project.unreadableSpec()));
    }
    return ProjectValidator.validate(
            project,
            Fixtures.baseline(),
            name -> Optional.empty(),
            Set.of(),
            Fixtures.NO_HOST_CLAIMS)
        .stream()
        .map(p -> new Verdict(p.reason(), p.message()))
        .toList();
  }

  /**
   * One case per constraint of each node of the schema, on the base's value at that path: every
   * item of a list, and every field an item sets, since two items of a list may set other fields.
   */
  private static void generate(
      String path, JSONSchemaProps schema, JsonNode value, List<Case> cases) {
    String type = schema.getType() == null ? "object" : schema.getType();
    switch (type) {
      case "string" -> {
        if (!schema.getEnum().isEmpty()) {
          cases.add(set(path, "enum", NODES.textNode("NotOneOfThem")));
        }
        if (schema.getMaxLength() != null) {
          cases.add(
              set(
                  path,
                  "maxLength",
                  NODES.textNode("a".repeat(schema.getMaxLength().intValue() + 1))));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
          cases.add(set(path, "minLength", NODES.textNode("")));
        }
        if (schema.getPattern() != null) {
          cases.add(set(path, "pattern", NODES.textNode("no such value!")));
        }
      }
      case "integer" -> {
        if (schema.getMinimum() != null) {
          cases.add(set(path, "minimum", NODES.numberNode(schema.getMinimum().longValue() - 1)));
        }
        if (schema.getMaximum() != null) {
          cases.add(set(path, "maximum", NODES.numberNode(schema.getMaximum().longValue() + 1)));
        }
        cases.add(set(path, "type", NODES.textNode("eighty")));
      }
      case "array" -> {
        if (schema.getMaxItems() != null) {
          cases.add(
              edit(path, "maxItems", list -> repeatFirst((ArrayNode) list, schema.getMaxItems())));
        }
        if (schema.getMinItems() != null && schema.getMinItems() > 0) {
          cases.add(edit(path, "minItems", list -> ((ArrayNode) list).removeAll()));
        }
        if (schema.getXKubernetesListType() != null
            && !schema.getXKubernetesListType().equals("atomic")) {
          cases.add(edit(path, "list-type", list -> repeatFirst((ArrayNode) list, 1)));
        }
        for (int i = 0; i < value.size(); i++) {
          generate(path + "[" + i + "]", schema.getItems().getSchema(), value.get(i), cases);
        }
      }
      case "object" -> {
        for (String required : schema.getRequired()) {
          cases.add(
              edit(path, "required", object -> ((ObjectNode) object).remove(required), required));
        }
        if (schema.getMaxProperties() != null) {
          cases.add(
              edit(
                  path,
                  "maxProperties",
                  object -> {
                    for (int i = 0; i <= schema.getMaxProperties(); i++) {
                      ((ObjectNode) object).put("label-" + i, "value");
                    }
                  }));
        }
        schema.getProperties().entrySet().stream()
            .filter(property -> value.has(property.getKey()))
            .forEach(
                property ->
                    generate(
                        path + "." + property.getKey(),
                        property.getValue(),
                        value.get(property.getKey()),
                        cases));
        if (schema.getAdditionalProperties() != null
            && schema.getAdditionalProperties().getSchema() != null) {
          // The base's one entry of each map is "app".
          generate(
              path + ".app", schema.getAdditionalProperties().getSchema(), value.get("app"), cases);
        }
      }
      default -> {}
    }
  }

  /** The CRD's CEL rules, which the validator checks in Java, and what no schema can check. */
  private static List<Case> celRuleCases() {
    return List.of(
        set("spec.namespaces[0]", "rule: platform namespace", NODES.textNode("kube-public")),
        set("spec.members[0].namespace", "rule: namespace only for ServiceAccounts", null),
        set(
            "spec.members[1].namespace",
            "rule: namespace only for ServiceAccounts",
            NODES.textNode("every-field")),
        set("spec.network.egress[0].ports[0].endPort", "rule: range order", NODES.numberNode(442)),
        edit(
            "spec.network.egress[1]",
            "rule: cidrs or projects",
            egress -> ((ObjectNode) egress).putArray("cidrs").add("10.0.0.0/8")),
        edit(
            "spec.network.egress[1]",
            "rule: cidrs or projects",
            egress -> ((ObjectNode) egress).remove("projects")),
        set(
            "spec.members[0].role",
            "rule: a ServiceAccount is never a maintainer",
            NODES.textNode("maintainer")),
        set(
            "spec.network.exposures[0].serviceType",
            "rule: a NodePort names its service",
            NODES.textNode("NodePort"),
            "service"),
        edit(
            "spec.network.exposures[0].from",
            "rule: at least one source",
            from -> ((ObjectNode) from).removeAll()),
        edit(
            "spec.network.exposures[0].podSelector",
            "beyond the schema: a label key",
            selector -> ((ObjectNode) selector).put("not a key!", "portal")),
        edit(
            "metadata",
            "rule: the name is a DNS label",
            metadata -> ((ObjectNode) metadata).put("name", "lab.example"),
            "name"));
  }

  private static Case set(String path, String what, JsonNode value) {
    return set(path, what, value, "");
  }

  /** Sets the value at {@code path}; with {@code removed}, also drops that sibling field. */
  private static Case set(String path, String what, JsonNode value, String removed) {
    int split = path.lastIndexOf('.');
    String parent = path.substring(0, split);
    String field = path.substring(split + 1);
    return new Case(
        what,
        removed.isEmpty() ? path : parent + "." + removed,
        object -> {
          JsonNode container = at(object, parent);
          if (field.endsWith("]")) {
            String list = field.substring(0, field.indexOf('['));
            int index =
                Integer.parseInt(field.substring(field.indexOf('[') + 1, field.length() - 1));
            ((ArrayNode) container.get(list)).set(index, value);
          } else if (value == null) {
            ((ObjectNode) container).remove(field);
          } else {
            ((ObjectNode) container).set(field, value);
          }
          if (!removed.isEmpty()) {
            ((ObjectNode) container).remove(removed);
          }
        });
  }

  private static Case edit(String path, String what, Consumer<JsonNode> change) {
    return edit(path, what, change, "");
  }

  private static Case edit(String path, String what, Consumer<JsonNode> change, String field) {
    return new Case(
        what,
        field.isEmpty() ? path : path + "." + field,
        object -> change.accept(at(object, path)));
  }

  private static void repeatFirst(ArrayNode list, long times) {
    JsonNode first = list.get(0);
    for (long i = 0; i < times; i++) {
      list.add(first.deepCopy());
    }
  }

  private static JsonNode at(ObjectNode object, String path) {
    JsonNode node = object;
    for (String step : path.split("\\.")) {
      int index = step.indexOf('[');
      node = node.get(index < 0 ? step : step.substring(0, index));
      if (index >= 0) {
        node = node.get(Integer.parseInt(step.substring(index + 1, step.length() - 1)));
      }
    }
    return node;
  }

  /** Adds the fields of the schema that no item of the base sets, one path per field. */
  private static void everyField(
      String path, JSONSchemaProps schema, JsonNode value, List<String> unset) {
    if (value == null) {
      unset.add(path);
      return;
    }
    if (schema.getItems() != null) {
      JSONSchemaProps item = schema.getItems().getSchema();
      for (Map.Entry<String, JSONSchemaProps> property : item.getProperties().entrySet()) {
        List<String> unsetInEvery = null;
        for (JsonNode element : value) {
          List<String> here = new ArrayList<>();
          everyField(
              path + "[*]." + property.getKey(),
              property.getValue(),
              element.get(property.getKey()),
              here);
          if (unsetInEvery == null || here.size() < unsetInEvery.size()) {
            unsetInEvery = here;
          }
        }
        unset.addAll(unsetInEvery == null ? List.of(path + "[*]") : unsetInEvery);
      }
      return;
    }
    for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
      everyField(
          path + "." + property.getKey(), property.getValue(), value.get(property.getKey()), unset);
    }
  }

  private static ObjectNode base() throws IOException {
    return (ObjectNode)
        SERIALIZATION.unmarshal(
            Files.readString(Path.of("src/test/resources/validation/every-field.yaml")),
            JsonNode.class);
  }

  private static JSONSchemaProps specSchema() throws IOException {
    CustomResourceDefinition crd =
        SERIALIZATION.unmarshal(
            Files.readString(Path.of("crds/researchprojects.researchclouds.org.yaml")),
            CustomResourceDefinition.class);
    return crd.getSpec()
        .getVersions()
        .get(0)
        .getSchema()
        .getOpenAPIV3Schema()
        .getProperties()
        .get("spec");
  }
}
