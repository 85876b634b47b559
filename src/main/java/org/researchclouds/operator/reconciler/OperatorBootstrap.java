package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Optional;
import org.researchclouds.operator.controls.ControlCatalogue;
import org.researchclouds.operator.endpoints.InformerFailure;

/** Builds the operator the same way for production, `make run` and the integration tests. */
public final class OperatorBootstrap {
  private OperatorBootstrap() {}

  public static Operator create(
      KubernetesClient client, OperatorSettings settings, Metrics metrics) {
    return create(client, settings, metrics, Optional.empty(), new InformerFailure(() -> {}));
  }

  /**
   * With leader election, only the replica that holds the Lease reconciles.
   *
   * @param informerFailure told when an informer stops for good
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      Metrics metrics,
      Optional<LeaderElectionConfiguration> leaderElection,
      InformerFailure informerFailure) {
    Operator operator =
        new Operator(
            overrider ->
                leaderElection
                    .map(overrider::withLeaderElectionConfiguration)
                    .orElse(overrider)
                    .withKubernetesClient(client)
                    // The finalizer is added with a merge patch rather than server-side apply:
                    // the same write path works on every API server, the test server included.
                    // (No dependent resources: the writers in write/ compare and write.)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withCloseClientOnStop(false)
                    .withStopOnInformerErrorDuringStartup(true)
                    .withInformerStoppedHandler(informerFailure)
                    .withMetrics(metrics));
    StatusWriter statusWriter = new StatusWriter(client);
    operator.register(
        new ResearchProjectReconciler(client, settings, ControlCatalogue.standard(), statusWriter),
        config -> config.withReconciliationMaxInterval(settings.resyncInterval()));
    // The baseline's status counts the projects and lists what expires within 30 days.
    operator.register(
        new SecurityBaselineReconciler(settings, statusWriter),
        config -> config.withReconciliationMaxInterval(settings.resyncInterval()));
    return operator;
  }
}
