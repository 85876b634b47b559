package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ExposureSource;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ResearchProject;

/** Every name and label the operator writes fits Kubernetes' limits at the schema's maxima. */
class NamesLimitsTest {
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  private static final Pattern LABEL_NAME =
      Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");

  @Test
  void longestAllowedNamesGiveValidNamesAndLabels() {
    String project = "p".repeat(63);
    String namespace = "n".repeat(63);
    String item = "x".repeat(40);
    ResearchProject longest =
        Fixtures.project(
            project,
            Fixtures.spec(
                List.of(namespace),
                new NetworkSpec(
                    List.of(
                        new Exposure(
                            item,
                            null,
                            List.of(new PortSpec(80, null, null)),
                            new ExposureSource(true, null, null),
                            null,
                            null,
                            null)),
                    List.of(
                        new Egress(
                            item,
                            List.of("10.0.0.0/8"),
                            null,
                            List.of(new PortSpec(443, null, null))))),
                DeletionPolicy.Retain));

    List<HasMetadata> written =
        new ArrayList<>(
            NetworkPolicyDesired.desired(
                longest, namespace, Fixtures.floors(longest, Fixtures.baseline())));
    written.add(NamespaceDesired.desired(longest, namespace, Fixtures.baseline()));

    assertThat(written)
        .hasSize(6)
        .allSatisfy(
            object -> {
              String name = object.getMetadata().getName();
              assertThat(name).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
              for (Map.Entry<String, String> label : object.getMetadata().getLabels().entrySet()) {
                assertThat(label.getValue()).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE);
                String key = label.getKey();
                String keyName = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
                assertThat(keyName).hasSizeLessThanOrEqualTo(63).matches(LABEL_NAME);
                if (key.contains("/")) {
                  assertThat(key.substring(0, key.indexOf('/'))).hasSizeLessThanOrEqualTo(253);
                }
              }
            });
  }
}
