package org.researchclouds.operator.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one of our resources whatever its spec holds, so that one object cannot stop the informer
 * that serves every project. Fields this version does not know are ignored, as Kubernetes' own
 * clients do (the CRDs may be newer than the operator). A spec that cannot be read at all, such as
 * a string where a number belongs, leaves the resource with no spec and the reason kept in {@link
 * LenientResource}; the reconciler reports it and changes nothing.
 */
abstract class LenientReader<T extends LenientResource<S, U>, S, U> extends StdDeserializer<T> {
  private static final Logger LOG = LoggerFactory.getLogger(LenientReader.class);
  private static final ObjectMapper NAMES = new ObjectMapper();

  private final Supplier<T> empty;
  private final Class<S> specType;
  private final Class<U> statusType;

  LenientReader(Class<T> type, Supplier<T> empty, Class<S> specType, Class<U> statusType) {
    super(type);
    this.empty = empty;
    this.specType = specType;
    this.statusType = statusType;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode node = context.readTree(parser);
    T resource = empty.get();
    ObjectCodec codec = parser.getCodec();
    resource.setMetadata(read(codec, node.get("metadata"), ObjectMeta.class));
    try {
      resource.setSpec(read(codec, node.get("spec"), specType));
    } catch (JsonMappingException e) {
      String problem = describe(e);
      LOG.warn(
          "{} {} has a spec this operator cannot read, and is skipped until it is corrected: {}",
          resource.getKind(),
          resource.getMetadata() == null ? "?" : resource.getMetadata().getName(),
          problem);
      resource.setUnreadableSpec(problem);
    }
    if (statusType != Void.class) {
      try {
        resource.setStatus(read(codec, node.get("status"), statusType));
      } catch (JsonMappingException e) {
        // The operator writes the status whole on its next reconcile.
        LOG.debug("Unreadable status, to be rewritten: {}", describe(e));
      }
    }
    return resource;
  }

  private static <V> V read(ObjectCodec codec, JsonNode node, Class<V> type) throws IOException {
    if (node == null || node.isNull()) {
      return null;
    }
    ObjectReader reader =
        codec instanceof ObjectMapper mapper
            ? mapper.readerFor(type)
            : ((ObjectReader) codec).forType(type);
    // A number with a fraction is no integer: the API server would refuse it, so no rounding.
    return reader
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .readValue(node);
  }

  /** A value as the status and the log may show it: short, on one line. */
  private static String quoted(Object value) {
    String text = String.valueOf(value).replaceAll("\\p{Cntrl}", " ");
    return "'" + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "'";
  }

  /** The field's path and what is wrong with it, in words a team can act on. */
  static String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                reference ->
                    reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("", "spec", ""));
    if (e instanceof InvalidFormatException format) {
      Class<?> target = format.getTargetType();
      String expected =
          target.isEnum()
              ? "one of "
                  + Arrays.stream(target.getEnumConstants())
                      .map(constant -> NAMES.valueToTree(constant).asText())
                      .collect(Collectors.joining(", "))
              : "a value of type " + target.getSimpleName();
      return path + ": " + quoted(format.getValue()) + " is not " + expected;
    }
    return path + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable");
  }
}
