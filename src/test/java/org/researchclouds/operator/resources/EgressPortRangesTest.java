package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.api.BlockedPort;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.Protocol;

class EgressPortRangesTest {
  private static final List<BlockedPort> MAIL =
      List.of(
          new BlockedPort(25, Protocol.TCP, null),
          new BlockedPort(465, Protocol.TCP, null),
          new BlockedPort(587, Protocol.TCP, null));

  @Test
  void splitsEveryRangeAroundBlockedPorts() {
    List<PortSpec> allowed =
        EgressPortRanges.allowed(List.of(new PortSpec(1, 65535, Protocol.TCP)), MAIL);

    assertThat(allowed)
        .containsExactly(
            new PortSpec(1, 24, Protocol.TCP),
            new PortSpec(26, 464, Protocol.TCP),
            new PortSpec(466, 586, Protocol.TCP),
            new PortSpec(588, 65535, Protocol.TCP));
  }

  @Test
  void keepsAPortListedByItselfBlocked() {
    assertThat(EgressPortRanges.allowed(List.of(new PortSpec(25, null, Protocol.TCP)), MAIL))
        .as("only the platform's grant opens a blocked port, by leaving it out of the list")
        .isEmpty();
    assertThat(EgressPortRanges.closed(List.of(new PortSpec(20, 30, null)), MAIL))
        .containsExactly(MAIL.get(0));
  }

  @Test
  void leavesOtherProtocolsAlone() {
    assertThat(EgressPortRanges.allowed(List.of(new PortSpec(20, 30, Protocol.UDP)), MAIL))
        .containsExactly(new PortSpec(20, 30, Protocol.UDP));
  }

  @Test
  void dropsARangeMadeOnlyOfBlockedPortsAndTrimsEdges() {
    assertThat(EgressPortRanges.allowed(List.of(new PortSpec(25, 25, Protocol.TCP)), MAIL))
        .isEmpty();
    assertThat(EgressPortRanges.allowed(List.of(new PortSpec(25, 27, null)), MAIL))
        .containsExactly(new PortSpec(26, 27, Protocol.TCP));
    assertThat(EgressPortRanges.allowed(List.of(new PortSpec(585, 587, null)), MAIL))
        .containsExactly(new PortSpec(585, 586, Protocol.TCP));
  }
}
