package org.researchclouds.operator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void rangesNestOrNot() {
    Cidr everything = Cidr.parse("0.0.0.0/0");
    Cidr metadata = Cidr.parse("169.254.169.254/32");

    assertThat(everything.contains(metadata)).isTrue();
    assertThat(metadata.contains(everything)).isFalse();
    assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("10.20.0.0/16"))).isTrue();
    assertThat(Cidr.parse("10.0.0.0/16").contains(Cidr.parse("10.1.0.0/16"))).isFalse();
    assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("10.1.2.3/32"))).isTrue();
  }

  @Test
  void familiesNeverNest() {
    assertThat(Cidr.parse("::/0").contains(Cidr.parse("169.254.169.254/32"))).isFalse();
    assertThat(Cidr.parse("::/0").contains(Cidr.parse("fd00:ec2::254/128"))).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parse("fd00:ec2::254/128"))).isFalse();
  }

  @Test
  void anAddressWrittenInsideARangeStandsForTheRange() {
    assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse("192.0.2.7/32")).hasToString("192.0.2.7");
  }

  @Test
  void knowsWhichRangesReachTheInternet() {
    assertThat(Cidr.parse("0.0.0.0/0").reachesInternet()).isTrue();
    assertThat(Cidr.parse("0.0.0.0/1").reachesInternet()).isTrue();
    assertThat(Cidr.parse("192.0.2.0/24").reachesInternet()).isTrue();
    assertThat(Cidr.parse("10.40.12.0/24").reachesInternet()).isFalse();
    assertThat(Cidr.parse("172.16.0.0/12").reachesInternet()).isFalse();
    assertThat(Cidr.parse("172.0.0.0/8").reachesInternet()).isTrue();
    assertThat(Cidr.parse("fd12:3456::/32").reachesInternet()).isFalse();
    assertThat(Cidr.parse("2001:db8::/32").reachesInternet()).isTrue();
  }

  @Test
  void refusesWhatIsNoRange() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0")).hasMessageContaining("no prefix length");
    assertThatThrownBy(() -> Cidr.parse(":::/0")).hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> Cidr.parse("lab.example.org/8"))
        .hasMessageContaining("not an IP address");
    // An IPv4-mapped IPv6 range would be read as IPv4 and so escape IPv6's denied ranges.
    assertThatThrownBy(() -> Cidr.parse("::ffff:a9fe:a9fe/128"))
        .hasMessageContaining("an IPv4 address written as IPv6");
    assertThatThrownBy(() -> Cidr.parse("::ffff:a00:0/8"))
        .as("read as 10.0.0.0/8 here, as ::/8 by the network plugin")
        .hasMessageContaining("an IPv4 address written as IPv6");
  }
}
