package org.researchclouds.operator.bench;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's table of interned strings, which lives outside the heap: the operator's client interns
 * the strings it reads, so the heap figure alone would leave out one entry per distinct string.
 */
final class StringTable {
  private StringTable() {}

  private static final Pattern BUCKETS =
      Pattern.compile("Number of buckets\\s*:\\s*\\d+\\s*=\\s*(\\d+) bytes");
  private static final Pattern ENTRIES =
      Pattern.compile("Number of entries\\s*:\\s*(\\d+)\\s*=\\s*\\d+ bytes, each (\\d+)");

  /**
   * @param entries the strings in the table, dead ones not yet cleaned out included
   * @param bytesPerEntry what each entry costs outside the heap
   * @param bucketBytes the table's buckets, which grow by doubling as the table fills
   */
  record Figures(long entries, long bytesPerEntry, long bucketBytes) {
    /** What the table gained since {@code before}, over that many projects. */
    String growthSince(Figures before, int projects) {
      long added = entries - before.entries;
      return String.format(
          "%d more entries (%.1f per project, %d bytes each), outside the heap: the strings the"
              + " operator interns; its buckets, for the whole JVM: %d KiB",
          added, added / (double) projects, bytesPerEntry, bucketBytes >> 10);
    }
  }

  /**
   * The table's figures, or empty when the JVM cannot report them: it answers "statistics
   * unavailable at this moment" while it resizes or cleans the table, so it is asked a few times.
   */
  static Optional<Figures> now() throws InterruptedException {
    for (int attempt = 0; attempt < 10; attempt++) {
      String statistics = statistics();
      Matcher buckets = BUCKETS.matcher(statistics);
      Matcher entries = ENTRIES.matcher(statistics);
      if (buckets.find() && entries.find()) {
        return Optional.of(
            new Figures(
                Long.parseLong(entries.group(1)),
                Long.parseLong(entries.group(2)),
                Long.parseLong(buckets.group(1))));
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return Optional.empty();
  }

  private static String statistics() {
    try {
      return (String)
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "vmStringtable",
                  new Object[] {null},
                  new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("the JVM does not report its string table", e);
    }
  }
}
