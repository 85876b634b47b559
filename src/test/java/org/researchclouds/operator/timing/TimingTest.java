package org.researchclouds.operator.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimingTest {
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void readsAndWritesDurationsAsVeleroDoes() {
    assertThat(GoDuration.parse("720h")).isEqualTo(Duration.ofDays(30));
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(GoDuration.format(Duration.ofDays(7))).isEqualTo("168h0m0s");
    assertThat(GoDuration.format(Duration.ofSeconds(5430))).isEqualTo("1h30m30s");
    for (String bad : new String[] {"", "30d", "1.5h", "h", "10"}) {
      assertThatThrownBy(() -> GoDuration.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("720h");
    }
  }

  @Test
  void findsTheLongestGapOfACronSchedule() {
    assertThat(CronSchedule.parse("0 2 * * *").longestGap(MONDAY_NOON))
        .isEqualTo(Duration.ofDays(1));
    assertThat(CronSchedule.parse("@hourly").longestGap(MONDAY_NOON))
        .isEqualTo(Duration.ofHours(1));
    assertThat(CronSchedule.parse("0 2 * * 1-5").longestGap(MONDAY_NOON))
        .as("Friday to Monday")
        .isEqualTo(Duration.ofDays(3));
    assertThat(CronSchedule.parse("0 4 1 * *").longestGap(MONDAY_NOON))
        .isEqualTo(Duration.ofDays(31));
  }

  @Test
  void tellsTheNextRun() {
    assertThat(CronSchedule.parse("0 2 * * *").nextAfter(MONDAY_NOON))
        .contains(Instant.parse("2026-12-01T02:00:00Z"));
  }

  @Test
  void refusesMalformedCron() {
    for (String bad : new String[] {"every day", "61 * * * *", "* * * *"}) {
      assertThatThrownBy(() -> CronSchedule.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cron");
    }
  }
}
