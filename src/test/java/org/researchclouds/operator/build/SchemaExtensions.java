package org.researchclouds.operator.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListMap;
import org.researchclouds.operator.api.schema.ListSet;

/**
 * Applies the schema annotations that fabric8's generator does not know ({@link Items}, {@link
 * ListSet}, {@link ListMap}) by walking each CRD's schema beside the Java class it came from.
 */
final class SchemaExtensions implements CRDPostProcessor {
  private final Map<String, Class<? extends CustomResource<?, ?>>> byCrdName;

  SchemaExtensions(Map<String, Class<? extends CustomResource<?, ?>>> byCrdName) {
    this.byCrdName = byCrdName;
  }

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    Class<? extends CustomResource<?, ?>> type = byCrdName.get(crd.getMetadata().getName());
    if (type != null && crd instanceof CustomResourceDefinition definition) {
      for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
        Map<String, JSONSchemaProps> top = version.getSchema().getOpenAPIV3Schema().getProperties();
        walk(top.get("spec"), typeArgument(type.getGenericSuperclass(), 0));
        walk(top.get("status"), typeArgument(type.getGenericSuperclass(), 1));
      }
    }
    return crd;
  }

  private static void walk(JSONSchemaProps schema, Type type) {
    if (schema == null || schema.getProperties() == null || !(type instanceof Class<?> owner)) {
      return;
    }
    schema
        .getProperties()
        .forEach((name, property) -> field(owner, name).ifPresent(field -> apply(property, field)));
  }

  private static void apply(JSONSchemaProps property, Field field) {
    Type type = field.getGenericType();
    Items items = field.getAnnotation(Items.class);
    if (items != null) {
      JSONSchemaProps item =
          "array".equals(property.getType())
              ? property.getItems().getSchema()
              : property.getAdditionalProperties().getSchema();
      item.setMaxLength((long) items.maxLength());
      if (!items.pattern().isEmpty()) {
        item.setPattern(items.pattern());
      }
    }
    if (field.isAnnotationPresent(ListSet.class)) {
      property.setXKubernetesListType("set");
    }
    ListMap listMap = field.getAnnotation(ListMap.class);
    if (listMap != null) {
      property.setXKubernetesListType("map");
      property.setXKubernetesListMapKeys(Arrays.asList(listMap.keys()));
      requireKeys(property.getItems().getSchema(), listMap.keys());
    }
    if ("array".equals(property.getType())) {
      walk(property.getItems().getSchema(), typeArgument(type, 0));
    } else if (property.getAdditionalProperties() != null
        && property.getAdditionalProperties().getSchema() != null) {
      walk(property.getAdditionalProperties().getSchema(), typeArgument(type, 1));
    } else {
      walk(property, type);
    }
  }

  /** The API server accepts a list-map only when every key is present in every item. */
  private static void requireKeys(JSONSchemaProps item, String[] keys) {
    List<String> required =
        new ArrayList<>(item.getRequired() == null ? List.of() : item.getRequired());
    for (String key : keys) {
      if (!required.contains(key) && item.getProperties().get(key).getDefault() == null) {
        required.add(key);
      }
    }
    item.setRequired(required.stream().sorted().toList());
  }

  private static Optional<Field> field(Class<?> owner, String jsonName) {
    return Arrays.stream(owner.getDeclaredFields())
        .filter(field -> jsonName.equals(jsonName(field)))
        .findFirst();
  }

  private static String jsonName(Field field) {
    JsonProperty renamed = field.getAnnotation(JsonProperty.class);
    return renamed != null && !renamed.value().isEmpty() ? renamed.value() : field.getName();
  }

  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType parameterized
        ? parameterized.getActualTypeArguments()[index]
        : null;
  }
}
