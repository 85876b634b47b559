package org.researchclouds.operator.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each status sample gets the Argo CD health verdict the README promises. */
class ArgoHealthScriptTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdict(String name, Map<?, ?> object, Map<?, ?> expect) throws IOException {
    ArgoHealthScript.Health health = new ArgoHealthScript().evaluate(object);

    assertThat(health.status()).isEqualTo(expect.get("status"));
    assertThat(health.message()).contains((String) expect.get("message"));
  }

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in =
        ArgoHealthScriptTest.class.getResourceAsStream("/argocd/health-cases.yaml")) {
      List<Map<?, ?>> cases = Serialization.unmarshal(in, List.class);
      return cases.stream().map(c -> Arguments.of(c.get("name"), c.get("object"), c.get("expect")));
    }
  }
}
