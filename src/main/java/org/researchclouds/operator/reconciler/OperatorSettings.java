package org.researchclouds.operator.reconciler;

import java.time.Clock;
import java.time.Duration;

/**
 * What the operator is told at start.
 *
 * @param baselineName the SecurityBaseline that sets every project's floors
 * @param resyncInterval how often each project is evaluated again when nothing happens, and the
 *     platform's version and workloads read again
 * @param clock the time source of every comparison with now
 * @param operatorNamespace where the operator runs, which no project may claim; null when unknown
 */
public record OperatorSettings(
    String baselineName, Duration resyncInterval, Clock clock, String operatorNamespace) {
  public static final String DEFAULT_BASELINE = "default";

  /** As an ISO-8601 duration; the chart's {@code resyncInterval} has the same default. */
  public static final String DEFAULT_RESYNC = "PT5M";
}
