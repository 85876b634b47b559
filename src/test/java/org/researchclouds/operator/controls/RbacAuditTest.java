package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attack 7 of docs/threat-model.md: rules that hand over a project without saying admin. Each is
 * named for what it gives; rules that only read ordinary objects give nothing dangerous.
 */
class RbacAuditTest {
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                        | pods/exec              | create       | into running pods",
        "''                        | pods/attach            | get          | into running pods",
        "''                        | pods/portforward       | create       | into running pods",
        "''                        | serviceaccounts/token  | create       | ServiceAccount tokens",
        "''                        | users                  | impersonate  | impersonate",
        "rbac.authorization.k8s.io | clusterroles           | bind         | bind",
        "rbac.authorization.k8s.io | roles                  | escalate     | escalate",
        "rbac.authorization.k8s.io | rolebindings           | create       | RBAC writes",
        "''                        | secrets                | list         | Secrets",
        "apps                      | '*'                    | get          | wildcards",
        "''                        | pods/ephemeralcontainers | update     | into running pods",
        "''                        | services/proxy         | get          | proxies past NetworkPolicies",
        "''                        | pods                   | create       | creating pods",
        "''                        | configmaps             | get          | ''",
        "''                        | pods                   | get          | ''"
      })
  void namesWhatARuleHandsOver(String group, String resource, String verb, String expected) {
    Optional<String> found =
        RbacAudit.dangerousRule(
            new PolicyRuleBuilder()
                .withApiGroups(List.of(group))
                .withResources(resource)
                .withVerbs(verb)
                .build());

    assertThat(found.orElse("")).isEqualTo(expected);
  }
}
