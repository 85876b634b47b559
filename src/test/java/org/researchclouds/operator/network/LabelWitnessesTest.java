package org.researchclouds.operator.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelWitnessesTest {
  @Test
  void everyValueAnInAllowsHasAWitness() {
    LabelSelector selector = expression("project-uid", "In", "partner", "intruder");

    assertThat(LabelWitnesses.of(selector, Set.of()))
        .containsExactly(Map.of("project-uid", "partner"), Map.of("project-uid", "intruder"));
  }

  @Test
  void existsWithNotInTakesAValueOutsideTheList() {
    LabelSelector selector =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("Exists")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("NotIn")
            .withValues("witness", "any")
            .endMatchExpression()
            .build();

    assertThat(LabelWitnesses.of(selector, Set.of())).containsExactly(Map.of("app", "witness-1"));
  }

  @Test
  void notInAloneIsAlsoMetByTheKeyLeftOut() {
    assertThat(LabelWitnesses.of(expression("app", "NotIn", "db"), Set.of()))
        .containsExactly(Map.of("app", "witness"), Map.of());
  }

  @Test
  void aSelectorNoLabelsSatisfyHasNoWitness() {
    LabelSelector selector =
        new LabelSelectorBuilder()
            .withMatchLabels(Map.of("app", "db"))
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();

    assertThat(LabelWitnesses.of(selector, Set.of())).isEmpty();
    assertThat(LabelWitnesses.of(null, Set.of())).containsExactly(Map.of());
  }

  @Test
  void aFreshValueIsNoneUsedElsewhere() {
    assertThat(LabelWitnesses.of(expression("app", "Exists"), Set.of("witness", "portal")))
        .containsExactly(Map.of("app", "witness-1"));
  }

  @Test
  void beyondTheCapEveryValueStillAppears() {
    LabelSelectorBuilder selector = new LabelSelectorBuilder();
    selector
        .addNewMatchExpression()
        .withKey("app")
        .withOperator("In")
        .withValues("web", "db")
        .endMatchExpression();
    for (int i = 0; i < 5; i++) {
      selector
          .addNewMatchExpression()
          .withKey("k" + i)
          .withOperator("NotIn")
          .withValues("x")
          .endMatchExpression();
    }

    assertThat(LabelWitnesses.of(selector.build(), Set.of()))
        .extracting(labels -> labels.get("app"))
        .contains("web", "db");
  }

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelectorBuilder()
        .addNewMatchExpression()
        .withKey(key)
        .withOperator(operator)
        .withValues(values)
        .endMatchExpression()
        .build();
  }
}
