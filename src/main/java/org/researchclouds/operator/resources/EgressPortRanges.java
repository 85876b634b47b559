package org.researchclouds.operator.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.researchclouds.operator.api.BlockedPort;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.Protocol;

/**
 * Splits declared egress ports around the ports still blocked for the project. Neither a range nor
 * a port listed by itself opens a blocked port: only the platform's grant does, by leaving it out
 * of the blocked list.
 */
public final class EgressPortRanges {
  private EgressPortRanges() {}

  public static List<PortSpec> allowed(List<PortSpec> declared, List<BlockedPort> blocked) {
    List<PortSpec> allowed = new ArrayList<>();
    for (PortSpec spec : declared) {
      allowed.addAll(split(spec, blockedPorts(blocked, spec.protocolOrDefault())));
    }
    return allowed;
  }

  /** The blocked ports a declaration names, which stay closed. */
  public static List<BlockedPort> closed(List<PortSpec> declared, List<BlockedPort> blocked) {
    return blocked.stream()
        .filter(
            port ->
                declared.stream()
                    .anyMatch(
                        spec ->
                            spec.protocolOrDefault() == port.protocolOrDefault()
                                && spec.port() <= port.port()
                                && port.port() <= spec.lastPort()))
        .toList();
  }

  private static SortedSet<Integer> blockedPorts(List<BlockedPort> blocked, Protocol protocol) {
    SortedSet<Integer> ports = new TreeSet<>();
    blocked.stream()
        .filter(b -> b.protocolOrDefault() == protocol)
        .forEach(b -> ports.add(b.port()));
    return ports;
  }

  private static List<PortSpec> split(PortSpec range, SortedSet<Integer> blocked) {
    List<PortSpec> pieces = new ArrayList<>();
    int start = range.port();
    for (int port : blocked.subSet(range.port(), range.lastPort() + 1)) {
      if (port > start) {
        pieces.add(piece(start, port - 1, range.protocolOrDefault()));
      }
      start = port + 1;
    }
    if (start <= range.lastPort()) {
      pieces.add(piece(start, range.lastPort(), range.protocolOrDefault()));
    }
    return pieces;
  }

  private static PortSpec piece(int first, int last, Protocol protocol) {
    return new PortSpec(first, last == first ? null : last, protocol);
  }
}
