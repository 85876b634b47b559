package org.researchclouds.operator.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPatternTest {
  private static final List<String> HOSTS =
      List.of(
          "lab.example.org",
          "web.example.org",
          "*.example.org",
          "example.org",
          "a.lab.example.org",
          "*.lab.example.org");

  @Test
  void theLookupFindsEveryOverlappingHost() {
    for (String host : HOSTS) {
      for (String other : HOSTS) {
        boolean found =
            HostPattern.lookupKeys(host).stream().anyMatch(HostPattern.indexKeys(other)::contains);
        if (HostPattern.overlap(host, other)) {
          assertThat(found).as(host + " must find " + other).isTrue();
        }
      }
    }
  }

  @Test
  void aNameDoesNotFindItsSiblings() {
    assertThat(HostPattern.lookupKeys("lab.example.org"))
        .doesNotContainAnyElementsOf(HostPattern.indexKeys("web.example.org"));
  }

  @Test
  void aWildcardCoversOneLabel() {
    assertThat(HostPattern.overlap("*.example.org", "lab.example.org")).isTrue();
    assertThat(HostPattern.overlap("*.example.org", "a.lab.example.org")).isFalse();
    assertThat(HostPattern.overlap("*.example.org", "example.org")).isFalse();
    assertThat(HostPattern.under("*.lab.example.org", "example.org")).isTrue();
    assertThat(HostPattern.under("notexample.org", "example.org")).isFalse();
  }
}
