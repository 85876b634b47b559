package org.researchclouds.operator.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * An IPv4 or IPv6 address range. Two ranges either nest or do not meet, which is what the
 * containment checks of the network floors rely on.
 */
public record Cidr(BigInteger first, int prefix, int bits) {
  /**
   * Ranges that do not route to the Internet: private (RFC 1918, RFC 4193), shared (RFC 6598),
   * loopback and link-local.
   */
  private static final List<Cidr> NON_INTERNET =
      List.of(
          parse("10.0.0.0/8"),
          parse("172.16.0.0/12"),
          parse("192.168.0.0/16"),
          parse("100.64.0.0/10"),
          parse("127.0.0.0/8"),
          parse("169.254.0.0/16"),
          parse("fc00::/7"),
          parse("fe80::/10"),
          parse("::1/128"));

  /** Parses {@code a.b.c.d/n} or an IPv6 range; the address is normalised to the range's start. */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(text + " has no prefix length");
    }
    byte[] address = literal(text.substring(0, slash));
    int bits = address.length * 8;
    int prefix = Integer.parseInt(text.substring(slash + 1));
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException(text + " has a prefix length beyond " + bits);
    }
    return new Cidr(new BigInteger(1, address).and(mask(prefix, bits)), prefix, bits);
  }

  /** A single address, as the range of that address alone. */
  public static Cidr address(String text) {
    byte[] address = literal(text);
    return new Cidr(new BigInteger(1, address), address.length * 8, address.length * 8);
  }

  public boolean ipv6() {
    return bits == 128;
  }

  public BigInteger last() {
    return first.or(mask(prefix, bits).xor(all(bits)));
  }

  /** Whether the other range lies wholly inside this one; ranges of two families never do. */
  public boolean contains(Cidr other) {
    return bits == other.bits
        && other.first.signum() >= 0
        && other.first.bitLength() <= bits
        && prefix <= other.prefix
        && other.first.and(mask(prefix, bits)).equals(first);
  }

  /** Whether any address of the range routes to the Internet. */
  public boolean reachesInternet() {
    return NON_INTERNET.stream().noneMatch(range -> range.contains(this));
  }

  /** The single address of the given value, of this range's family. */
  public Cidr address(BigInteger value) {
    return new Cidr(value, bits, bits);
  }

  private static BigInteger mask(int prefix, int bits) {
    return all(bits).shiftRight(bits - prefix).shiftLeft(bits - prefix);
  }

  private static BigInteger all(int bits) {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  /** Parses an address literal without a DNS lookup, which InetAddress would make for a name. */
  private static byte[] literal(String text) {
    if (!text.matches("[0-9.]+") && !text.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      throw new IllegalArgumentException(text + " is not an IP address");
    }
    try {
      byte[] address = InetAddress.getByName(text).getAddress();
      // Java reads an IPv4-mapped IPv6 address as IPv4; Kubernetes and network plugins do not.
      if (address.length == 4 && text.contains(":")) {
        throw new IllegalArgumentException(
            text + " is an IPv4 address written as IPv6; write it as IPv4");
      }
      return address;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text + " is not an IP address", e);
    }
  }

  @Override
  public String toString() {
    try {
      byte[] raw = first.toByteArray();
      byte[] address = new byte[bits / 8];
      int copied = Math.min(raw.length, address.length);
      System.arraycopy(raw, raw.length - copied, address, address.length - copied, copied);
      String host = InetAddress.getByAddress(address).getHostAddress();
      return prefix == bits ? host : host + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
