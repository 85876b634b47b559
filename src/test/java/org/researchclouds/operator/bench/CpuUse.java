package org.researchclouds.operator.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time the in-memory server and the benchmark's JVM (the operator, or the plain client)
 * spend over one measurement: on a machine of two cores, it tells whether the server was the limit
 * or the client.
 */
final class CpuUse {
  private static final OperatingSystemMXBean OWN_PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private static final String UNKNOWN = "unknown (the OS does not report it)";

  private final ServerProcess server;
  private final Optional<Duration> serverAtStart;
  private final long ownAtStart;
  private final long compilingAtStart;

  private CpuUse(ServerProcess server) {
    this.server = server;
    this.serverAtStart = server.cpu();
    this.ownAtStart = OWN_PROCESS.getProcessCpuTime();
    this.compilingAtStart = compilingMillis();
  }

  static CpuUse start(ServerProcess server) {
    return new CpuUse(server);
  }

  /** The CPU seconds each side spent since the start. */
  String stop() {
    String serverSeconds =
        server
            .cpu()
            .flatMap(now -> serverAtStart.map(start -> now.minus(start).toMillis() / 1e3))
            .map(seconds -> String.format("%.1fs", seconds))
            .orElse(UNKNOWN);
    return String.format(
        "server %s, benchmark's JVM %s (JIT compiling %s)",
        serverSeconds,
        since(ownAtStart, OWN_PROCESS.getProcessCpuTime(), 1e9),
        since(compilingAtStart, compilingMillis(), 1e3));
  }

  /**
   * Seconds between two readings in {@code perSecond} units, where the JVM gives them (it answers
   * -1 where it cannot). The compile time is the JVM's approximate figure, summed over its compiler
   * threads and counting the time they wait for a core: code the warm-up left cold.
   */
  private static String since(long start, long now, double perSecond) {
    return start < 0 || now < 0 ? UNKNOWN : String.format("%.1fs", (now - start) / perSecond);
  }

  private static long compilingMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported()
        ? JIT.getTotalCompilationTime()
        : -1;
  }
}
