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
 * The operator's client, whose strings read from the API server are the JVM's canonical instances
 * when they are no longer than a Kubernetes name. The informers hold each project's objects, and
 * most of their strings repeat: kinds, API versions, label values, the project's name and UID in
 * every owner reference. Kept once each, they cost about a third of the operator's heap less
 * (docs/benchmarks.md).
 *
 * <p>Each distinct string interned costs an entry in the JVM's string table, outside the heap; the
 * entry goes once no object uses the string, but the table's buckets, once grown, stay. Longer
 * strings (annotations, messages) are seldom shared and are left as they are, so that a tenant's
 * large unique values, which the reduced stores drop anyway, cost the table nothing.
 */
public final class CanonicalStrings {
  /** The longest name Kubernetes allows (a DNS subdomain): names, UIDs and label values fit. */
  static final int LONGEST_INTERNED = 253;

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

  private static final class Interning extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = super.deserialize(parser, context);
      return value == null || value.length() > LONGEST_INTERNED ? value : value.intern();
    }
  }
}
