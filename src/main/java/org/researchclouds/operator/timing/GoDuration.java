package org.researchclouds.operator.timing;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Velero and Go write them: {@code 720h}, {@code 1h30m}, {@code 720h0m0s}. */
public final class GoDuration {
  private static final Pattern FORMAT = Pattern.compile("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$");

  /** Longer than any retention or interval a project needs, short enough for any clock. */
  private static final Duration LONGEST = Duration.ofDays(100 * 365);

  private GoDuration() {}

  /**
   * Parses a duration; empty or malformed text, or a duration over 100 years, is an error with a
   * message that says so.
   */
  public static Duration parse(String text) {
    Matcher matcher = text == null ? null : FORMAT.matcher(text);
    if (matcher == null || text.isEmpty() || !matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 720h, 90m or 1h30m");
    }
    Duration duration;
    try {
      duration =
          Duration.ofHours(part(matcher, 1))
              .plusMinutes(part(matcher, 2))
              .plusSeconds(part(matcher, 3));
    } catch (ArithmeticException | NumberFormatException e) {
      duration = LONGEST.plusDays(1);
    }
    if (duration.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is longer than " + LONGEST.toHours() + "h (100 years)");
    }
    return duration;
  }

  /** Formats as Go does, such as {@code 720h0m0s}. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    return seconds / 3600 + "h" + (seconds % 3600) / 60 + "m" + seconds % 60 + "s";
  }

  private static long part(Matcher matcher, int group) {
    return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
  }
}
