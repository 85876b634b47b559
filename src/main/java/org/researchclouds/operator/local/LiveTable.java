package org.researchclouds.operator.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Prints the project table again whenever it changes, until the thread is interrupted. On a
 * terminal the table replaces the previous one; in a log it is appended.
 */
public final class LiveTable implements Runnable {
  private static final String CLEAR_SCREEN = "\033[H\033[2J";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final KubernetesClient client;
  private final PrintWriter out;
  private final boolean terminal;
  private final Duration every;

  public LiveTable(KubernetesClient client, PrintWriter out, boolean terminal, Duration every) {
    this.client = client;
    this.out = out;
    this.terminal = terminal;
    this.every = every;
  }

  @Override
  public void run() {
    String shown = "";
    try {
      while (!Thread.currentThread().isInterrupted()) {
        String table =
            ProjectTable.render(client.resources(ResearchProject.class).list().getItems());
        if (!table.equals(shown)) {
          out.print(terminal ? CLEAR_SCREEN : "\n");
          out.printf(
              "Research projects at %s (Ctrl-C stops):%n%n%s",
              LocalTime.now().format(CLOCK), table);
          out.flush();
          shown = table;
        }
        Thread.sleep(every.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
