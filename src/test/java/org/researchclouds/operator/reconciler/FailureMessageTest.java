package org.researchclouds.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A failed reconcile's message says what failed in words, never an exception's class. */
class FailureMessageTest {
  @Test
  void anApiRefusalQuotesTheApiServersAnswer() {
    KubernetesClientException forbidden =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(403)
                .withMessage("namespaces is forbidden: cannot create resource")
                .build());

    assertThat(FailureMessage.of(new RuntimeException("wrapped", forbidden)))
        .isEqualTo(
            "The API server refused a request of the operator (HTTP 403: namespaces is"
                + " forbidden: cannot create resource); the operator retries.");
  }

  @Test
  void anUnreachableServerAndAnyOtherErrorAreNamedWithoutClassNames() {
    assertThat(
            FailureMessage.of(
                new KubernetesClientException("connect failed", new IOException("refused"))))
        .isEqualTo("The API server could not be reached; the operator retries.");
    assertThat(FailureMessage.of(new NullPointerException("x.y() is null")))
        .doesNotContain("NullPointerException")
        .doesNotContain("x.y()")
        .contains("log");
  }
}
