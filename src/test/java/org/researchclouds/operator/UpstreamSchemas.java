package org.researchclouds.operator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates what the operator writes against the official schemas in {@code ../shared/schemas/}:
 * Kubernetes' OpenAPI v3 documents, and the CRDs of the projects it talks to. Where that folder is
 * absent (a user's own clone), the calling test is skipped, saying why.
 */
public final class UpstreamSchemas {
  private static final Path ROOT = Path.of("..", "shared", "schemas");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private UpstreamSchemas() {}

  /**
   * Errors of {@code object} against {@code #/components/schemas/<name>} of a Kubernetes document,
   * such as {@code apis__networking.k8s.io__v1_openapi.json} and {@code
   * io.k8s.api.networking.v1.NetworkPolicy}.
   */
  public static List<String> kubernetesErrors(Object object, String document, String name) {
    Schema schema =
        CACHE.computeIfAbsent(
            document + "#" + name,
            key -> {
              ObjectNode root =
                  (ObjectNode) read(ROOT.resolve("kubernetes-v1.33").resolve(document));
              root.put("$ref", "#/components/schemas/" + name);
              return REGISTRY.getSchema(root.toString(), InputFormat.JSON);
            });
    return errors(schema, object);
  }

  /** A Kubernetes OpenAPI document of the schemas folder, such as {@code api__v1_openapi.json}. */
  public static JsonNode kubernetesDocument(String document) {
    return read(ROOT.resolve("kubernetes-v1.33").resolve(document));
  }

  /** The openAPIV3Schema of a third-party CRD file in the schemas folder. */
  public static JsonNode crdOpenApiSchema(String crdFile) {
    return read(ROOT.resolve(crdFile)).at("/spec/versions/0/schema/openAPIV3Schema");
  }

  /** Errors of {@code object} against the openAPIV3Schema of a CRD file in the schemas folder. */
  public static List<String> crdErrors(Object object, String crdFile) {
    Schema schema = CACHE.computeIfAbsent(crdFile, key -> crdSchema(read(ROOT.resolve(crdFile))));
    return errors(schema, object);
  }

  /** The openAPIV3Schema of a CRD's first version, as the API server validates against it. */
  static Schema crdSchema(JsonNode crd) {
    JsonNode openApi = crd.at("/spec/versions/0/schema/openAPIV3Schema");
    return REGISTRY.getSchema(openApi.toString(), InputFormat.JSON);
  }

  /** Creates a third-party CRD of the schemas folder in the (mock) API server. */
  public static void installCrd(KubernetesClient client, String crdFile) {
    JsonNode crd = read(ROOT.resolve(crdFile));
    client
        .resource(Serialization.unmarshal(crd.toString(), CustomResourceDefinition.class))
        .create();
  }

  static List<String> errors(Schema schema, Object object) {
    return schema.validate(Serialization.asJson(object), InputFormat.JSON).stream()
        .map(Object::toString)
        .toList();
  }

  private static JsonNode read(Path file) {
    assumeTrue(
        Files.isDirectory(ROOT),
        "the upstream schemas are not beside this clone (" + ROOT.toAbsolutePath() + ")");
    try {
      String text = Files.readString(file);
      return file.toString().endsWith(".json")
          ? JSON.readTree(text)
          : JSON.valueToTree(Serialization.unmarshal(text, Map.class));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
