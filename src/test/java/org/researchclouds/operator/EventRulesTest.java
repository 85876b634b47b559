package org.researchclouds.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRulesTest {
  @Test
  void anEventAboutAClusterScopedObjectLivesInDefault() {
    assertThat(EventRules.refusal(event("default", null), "default")).isEmpty();
    assertThat(EventRules.refusal(event("lab", null), "lab"))
        .hasValueSatisfying(why -> assertThat(why).contains("does not match event.namespace"));
  }

  @Test
  void anEventAboutANamespacedObjectLivesWithIt() {
    assertThat(EventRules.refusal(event("lab", "lab"), "lab")).isEmpty();
    assertThat(EventRules.refusal(event("default", "lab"), "default")).isPresent();
  }

  @Test
  void anEventGoesToTheNamespaceItNames() {
    assertThat(EventRules.refusal(event("default", null), "lab")).isPresent();
  }

  private static Map<String, Object> event(String namespace, String involvedNamespace) {
    return Map.of(
        "metadata",
        Map.of("name", "e", "namespace", namespace),
        "involvedObject",
        involvedNamespace == null
            ? Map.of("kind", "ResearchProject", "name", "lab")
            : Map.of("kind", "NetworkPolicy", "name", "p", "namespace", involvedNamespace));
  }
}
