package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What a failed reconcile says in the status: which request failed and what the API server
 * answered, in words. Exception classes and traces stay in the operator's log.
 */
final class FailureMessage {
  private FailureMessage() {}

  static String of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException api) {
        return ofApi(api);
      }
    }
    return "The reconcile stopped on an unexpected error; the operator retries, and its log has"
        + " the details.";
  }

  private static String ofApi(KubernetesClientException e) {
    if (e.getCode() <= 0) {
      return "The API server could not be reached; the operator retries.";
    }
    String answer =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : "no reason given";
    return "The API server refused a request of the operator (HTTP "
        + e.getCode()
        + ": "
        + answer
        + "); the operator retries.";
  }
}
