package org.researchclouds.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates objects against the structural schema of our own CRDs in crds/, as the API server does.
 */
public final class OwnCrdSchemas {
  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private OwnCrdSchemas() {}

  public static List<String> errors(String crdFile, Object object) {
    return UpstreamSchemas.errors(CACHE.computeIfAbsent(crdFile, OwnCrdSchemas::schemaOf), object);
  }

  private static Schema schemaOf(String crdFile) {
    try {
      Map<?, ?> crd =
          Serialization.unmarshal(Files.readString(Path.of("crds", crdFile)), Map.class);
      return UpstreamSchemas.crdSchema(new ObjectMapper().valueToTree(crd));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
