package org.researchclouds.operator.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What an API server adds to an object it stores, for the tests that check the operator takes the
 * stored object for what it wrote. Two sources:
 *
 * <ul>
 *   <li>the {@code default} of every field in the kind's official OpenAPI schema, applied where the
 *       field is absent, as the API server's decoding does;
 *   <li>the defaulting the API server does in code, which no schema shows (each method names its
 *       source in kubernetes/kubernetes, release-1.33).
 * </ul>
 */
final class ServerDefaults {
  private ServerDefaults() {}

  /** Applies the schema's defaults to {@code object}, following $ref and allOf. */
  static void applySchemaDefaults(JsonNode object, JsonNode schema, JsonNode document) {
    JsonNode resolved = resolve(schema, document);
    if (object instanceof ObjectNode fields && resolved.has("properties")) {
      Iterator<Map.Entry<String, JsonNode>> properties = resolved.get("properties").fields();
      while (properties.hasNext()) {
        Map.Entry<String, JsonNode> property = properties.next();
        JsonNode declared = property.getValue();
        // An empty string is Go's zero value: the server omits it when it writes JSON.
        if (!fields.has(property.getKey())
            && declared.has("default")
            && !declared.get("default").asText("-").isEmpty()) {
          fields.set(property.getKey(), declared.get("default").deepCopy());
        }
        if (fields.has(property.getKey())) {
          applySchemaDefaults(fields.get(property.getKey()), declared, document);
        }
      }
    } else if (object instanceof ArrayNode items && resolved.has("items")) {
      for (JsonNode item : items) {
        applySchemaDefaults(item, resolved.get("items"), document);
      }
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode document) {
    if (schema.has("$ref")) {
      return resolve(document.at(schema.get("$ref").asText().substring(1)), document);
    }
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      return resolve(schema.get("allOf").get(0), document);
    }
    return schema;
  }

  /**
   * What every stored object carries in its metadata (apiserver's registry,
   * rest.FillObjectMetaSystemFields, and the field manager).
   */
  static void storedMetadata(ObjectNode object, String manager) {
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    metadata.put("uid", "6f1b2c3d-0000-4000-8000-000000000001");
    metadata.put("resourceVersion", "12345");
    metadata.put("creationTimestamp", "2026-11-29T12:00:00Z");
    ArrayNode managedFields = metadata.putArray("managedFields");
    managedFields
        .addObject()
        .put("manager", manager)
        .put("operation", "Update")
        .put("apiVersion", object.get("apiVersion").asText())
        .put("time", "2026-11-29T12:00:00Z")
        .put("fieldsType", "FieldsV1")
        .putObject("fieldsV1");
  }

  /**
   * A Namespace: {@code pkg/apis/core/v1/defaults.go} SetDefaults_Namespace (the {@code
   * kubernetes.io/metadata.name} label) and SetDefaults_NamespaceStatus (phase Active); {@code
   * pkg/registry/core/namespace/strategy.go} PrepareForCreate (the {@code kubernetes} finalizer).
   */
  static void namespace(ObjectNode namespace) {
    ObjectNode metadata = (ObjectNode) namespace.get("metadata");
    ((ObjectNode) metadata.with("labels"))
        .put("kubernetes.io/metadata.name", metadata.get("name").asText());
    ((ObjectNode) namespace.with("spec")).putArray("finalizers").add("kubernetes");
    ((ObjectNode) namespace.with("status")).put("phase", "Active");
  }

  /**
   * A NetworkPolicy: {@code pkg/apis/networking/v1/defaults.go} SetDefaults_NetworkPolicyPort
   * (protocol TCP) and SetDefaults_NetworkPolicy (policyTypes Ingress, and Egress when there are
   * egress rules, if none are given); {@code pkg/registry/networking/networkpolicy/strategy.go}
   * PrepareForCreate (generation 1).
   */
  static void networkPolicy(ObjectNode policy) {
    ((ObjectNode) policy.get("metadata")).put("generation", 1);
    ObjectNode spec = (ObjectNode) policy.get("spec");
    for (String direction : new String[] {"ingress", "egress"}) {
      for (JsonNode rule : spec.path(direction)) {
        for (JsonNode port : rule.path("ports")) {
          if (!port.has("protocol")) {
            ((ObjectNode) port).put("protocol", "TCP");
          }
        }
      }
    }
    if (!spec.has("policyTypes") || spec.get("policyTypes").isEmpty()) {
      ArrayNode types = spec.putArray("policyTypes").add("Ingress");
      if (spec.has("egress") && !spec.get("egress").isEmpty()) {
        types.add("Egress");
      }
    }
  }

  /**
   * A RoleBinding or ClusterRoleBinding: {@code pkg/apis/rbac/v1/defaults.go}
   * SetDefaults_RoleBinding and SetDefaults_ClusterRoleBinding (roleRef.apiGroup) and
   * SetDefaults_Subject (apiGroup by kind: rbac.authorization.k8s.io for users and groups, "" for
   * service accounts).
   */
  static void binding(ObjectNode binding) {
    ObjectNode roleRef = (ObjectNode) binding.get("roleRef");
    if (roleRef.path("apiGroup").asText().isEmpty()) {
      roleRef.put("apiGroup", "rbac.authorization.k8s.io");
    }
    for (JsonNode subject : binding.path("subjects")) {
      // A service account's "" is omitted when the server writes JSON (omitempty).
      if (subject.path("apiGroup").asText().isEmpty()
          && !subject.get("kind").asText().equals("ServiceAccount")) {
        ((ObjectNode) subject).put("apiGroup", "rbac.authorization.k8s.io");
      }
    }
  }

  /**
   * A Velero Schedule as Velero's schedule controller leaves it ({@code
   * pkg/controller/schedule_controller.go}, v1.18): a status with phase Enabled and the newest
   * backup's time; the API server adds generation 1 to a custom resource.
   */
  static void veleroSchedule(ObjectNode schedule) {
    ((ObjectNode) schedule.get("metadata")).put("generation", 1);
    schedule
        .putObject("status")
        .put("phase", "Enabled")
        .put("lastBackup", "2026-11-29T02:00:00Z")
        .put("lastSkipped", "2026-11-28T02:00:00Z");
  }
}
