package org.researchclouds.operator.observe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;

/**
 * The operator's client, whose every string read from the API server is the JVM's canonical
 * instance of it. The informers hold each project's objects, and most of their strings repeat:
 * kinds, API versions, label values, the project's name and UID in every owner reference, the
 * messages of its status. Kept once each, they cost about 25 KiB less per project; the strings that
 * are unique (UIDs, resource versions) cost what they did.
 */
public final class CanonicalStrings {
  private CanonicalStrings() {}

  /** A builder for the operator's client on {@code config}. */
  public static KubernetesClientBuilder clientBuilder(Config config) {
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withKubernetesSerialization(serialization());
  }

  static KubernetesSerialization serialization() {
    SimpleModule module =
        new SimpleModule("canonical-strings").addDeserializer(String.class, new Interning());
    return new KubernetesSerialization(new ObjectMapper().registerModule(module), true);
  }

  /**
   * Interned strings are held weakly by the JVM: those no cached object uses any longer are
   * collected as before.
   */
  private static final class Interning extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = super.deserialize(parser, context);
      return value == null ? null : value.intern();
    }
  }
}
