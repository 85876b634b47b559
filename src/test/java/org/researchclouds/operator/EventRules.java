package org.researchclouds.operator;

import java.util.Map;
import java.util.Optional;

/**
 * Where the API server lets a core/v1 Event live, which the in-memory server does not check
 * (Kubernetes' legacyValidateEvent, pkg/apis/core/validation/events.go): in the namespace the
 * request names, with the object it is about if that object is namespaced, otherwise in {@code
 * default}. An Event with an eventTime meets further rules, not modelled here: it is refused.
 */
final class EventRules {
  private EventRules() {}

  /**
   * Why the API server would refuse the Event, if it would.
   *
   * @param requestNamespace the namespace of the request's path
   */
  static Optional<String> refusal(Map<String, Object> event, String requestNamespace) {
    String namespace = String.valueOf(field(event, "metadata").get("namespace"));
    Object involved = field(event, "involvedObject").get("namespace");
    if (event.get("eventTime") != null) {
      return Optional.of(
          "an Event with an eventTime, whose further rules these tests do not model");
    }
    if (!namespace.equals(requestNamespace)) {
      return Optional.of(
          "an Event for namespace " + namespace + " sent to namespace " + requestNamespace);
    }
    if (involved == null || involved.toString().isEmpty()) {
      return "default".equals(namespace)
          ? Optional.empty()
          : Optional.of(
              "an Event about a cluster-scoped object in namespace "
                  + namespace
                  + ": involvedObject.namespace does not match event.namespace");
    }
    return involved.equals(namespace)
        ? Optional.empty()
        : Optional.of(
            "an Event in namespace "
                + namespace
                + " about an object in "
                + involved
                + ": involvedObject.namespace does not match event.namespace");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> field(Map<String, Object> object, String name) {
    Object value = object.get(name);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
