package org.researchclouds.operator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the API server lets a core/v1 Event live, which the in-memory server does not check
 * (Kubernetes' legacyValidateEvent, pkg/apis/core/validation/events.go): with the object it is
 * about, if that object is namespaced; otherwise in {@code default}, or, for an Event with an
 * eventTime, in {@code default} or {@code kube-system}.
 */
final class EventRules {
  private EventRules() {}

  /** Why the API server would refuse the Event, if it would. */
  static Optional<String> refusal(Map<String, Object> event) {
    String namespace = String.valueOf(field(event, "metadata").get("namespace"));
    Object involved = field(event, "involvedObject").get("namespace");
    boolean hasEventTime = event.get("eventTime") != null;
    if (involved == null || involved.toString().isEmpty()) {
      Set<String> allowed = hasEventTime ? Set.of("default", "kube-system") : Set.of("default");
      return allowed.contains(namespace)
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
