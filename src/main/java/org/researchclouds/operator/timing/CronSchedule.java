package org.researchclouds.operator.timing;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A five-field cron schedule as Velero reads it (UTC), parsed by cron-utils. */
public final class CronSchedule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Map<String, String> SHORTHANDS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");

  /** Enough runs to meet the longest gap of weekday, monthly and quarterly patterns alike. */
  private static final int RUNS_SAMPLED = 60;

  private final ExecutionTime executions;

  private CronSchedule(ExecutionTime executions) {
    this.executions = executions;
  }

  /** Parses an expression; a malformed one is an error with cron-utils' reason. */
  public static CronSchedule parse(String expression) {
    String expanded = SHORTHANDS.getOrDefault(expression.trim(), expression.trim());
    try {
      return new CronSchedule(ExecutionTime.forCron(PARSER.parse(expanded)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + expression + "' is not a five-field cron expression: " + e.getMessage(), e);
    }
  }

  public Optional<Instant> nextAfter(Instant time) {
    return executions.nextExecution(utc(time)).map(ZonedDateTime::toInstant);
  }

  /**
   * The longest time between two runs, sampled from {@code from} on: a backup is late when none
   * completed within twice this.
   */
  public Duration longestGap(Instant from) {
    return gaps(from).stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
  }

  /**
   * The shortest time between two runs, sampled from {@code from} on: how often the schedule can
   * run, which the platform bounds.
   */
  public Duration shortestGap(Instant from) {
    return gaps(from).stream().min(Comparator.naturalOrder()).orElse(Duration.ZERO);
  }

  private List<Duration> gaps(Instant from) {
    List<Duration> gaps = new ArrayList<>();
    Optional<ZonedDateTime> previous = executions.nextExecution(utc(from));
    for (int i = 0; i < RUNS_SAMPLED && previous.isPresent(); i++) {
      Optional<ZonedDateTime> next = executions.nextExecution(previous.get());
      if (next.isEmpty()) {
        break;
      }
      gaps.add(Duration.between(previous.get(), next.get()));
      previous = next;
    }
    return gaps;
  }

  private static ZonedDateTime utc(Instant time) {
    return time.atZone(ZoneOffset.UTC);
  }
}
