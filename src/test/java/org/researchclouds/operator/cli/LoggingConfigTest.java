package org.researchclouds.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The operator's logback.xml, as the chart's logging.level and logging.format set it. */
class LoggingConfigTest {
  @Test
  void jsonFormatWritesOneJsonObjectPerEvent() throws Exception {
    String written = logWith("json", "INFO");

    var event = new ObjectMapper().readTree(written.lines().findFirst().orElseThrow());
    assertThat(event.get("level").asText()).isEqualTo("INFO");
    assertThat(event.get("message").asText()).isEqualTo("Created rp-default-deny");
  }

  @Test
  void textIsTheDefaultAndTheLevelFilters() throws Exception {
    assertThat(logWith("text", "INFO")).contains(" INFO  ").contains("Created rp-default-deny");
    assertThat(logWith("text", "WARN")).isEmpty();
  }

  private static String logWith(String format, String level) throws Exception {
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      context.putProperty("LOG_FORMAT", format);
      context.putProperty("LOG_LEVEL", level);
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LoggingConfigTest.class.getResource("/logback.xml"));
      context.getLogger("GuardRails").info("Created rp-default-deny");
    } finally {
      context.stop();
      System.setOut(console);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
