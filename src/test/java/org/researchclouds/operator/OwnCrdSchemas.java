package org.researchclouds.operator;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates objects against the structural schema of our own CRDs in crds/, as the API server does.
 */
public final class OwnCrdSchemas {
  private OwnCrdSchemas() {}

  public static List<String> errors(String crdFile, Object object) {
    return schemaOf(crdFile).validate(Serialization.asJson(object), InputFormat.JSON).stream()
        .map(Object::toString)
        .toList();
  }

  private static Schema schemaOf(String crdFile) {
    try {
      CustomResourceDefinition definition =
          Serialization.unmarshal(
              Files.readString(Path.of("crds", crdFile)), CustomResourceDefinition.class);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(
              Serialization.asJson(
                  definition.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()),
              InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
