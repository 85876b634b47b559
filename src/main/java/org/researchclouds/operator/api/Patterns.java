package org.researchclouds.operator.api;

import java.util.Map;

/**
 * Regular expressions shared by the schema annotations of the API. They use no backslash, so each
 * reads the same in Java, in the OpenAPI schema and inside a CEL string literal.
 */
public final class Patterns {
  /** A DNS-1123 label: a namespace or project name. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  public static final int DNS_LABEL_MAX_LENGTH = 63;

  /** A label value, and so a pod selector's value: empty, or alphanumerics with - _ . inside. */
  public static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

  public static final int LABEL_VALUE_MAX_LENGTH = 63;

  /** A label key: an optional DNS-subdomain prefix and a slash, then a name like a value. */
  public static final String LABEL_KEY =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
          + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

  /** Labels in one pod selector: enough for any real selector, small enough to bound the cost. */
  public static final int SELECTOR_MAX_LABELS = 16;

  /** A pragmatic e-mail address: something, an at sign, a domain with a dot. */
  public static final String EMAIL = "^[^@ ]+@[^@ ]+[.][^@ ]+$";

  /** The longest address a mail path can carry (RFC 5321). */
  public static final int EMAIL_MAX_LENGTH = 254;

  /** An RFC 3339 date-time. */
  public static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  /** Nanoseconds and an offset included. */
  public static final int DATE_TIME_MAX_LENGTH = 35;

  /** An IPv4 CIDR (a.b.c.d/n) or an IPv6 CIDR (hex groups with colons, /n). */
  public static final String CIDR =
      "^(((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}"
          + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])"
          + "|[0-9a-fA-F:]*:[0-9a-fA-F:]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$";

  /** The longest CIDR the pattern allows: eight IPv6 groups and /128. */
  public static final int CIDR_MAX_LENGTH = 43;

  /** A DNS name for an Ingress host, optionally with a leading wildcard label. */
  public static final String HOST =
      "^([*][.])?[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  public static final int HOST_MAX_LENGTH = 253;

  /** A duration as Velero and Go write it: hours, minutes and seconds, such as 720h or 1h30m. */
  public static final String DURATION = "^([0-9]+h)?([0-9]+m)?([0-9]+s)?$";

  public static final int DURATION_MAX_LENGTH = 16;

  /** A five-field cron expression, or one of the @hourly … @yearly shorthands. */
  public static final String CRON =
      "^(@(hourly|daily|weekly|monthly|yearly|annually)|[^ ]+( +[^ ]+){4})$";

  /** Five fields with lists and steps in each fit well within it. */
  public static final int CRON_MAX_LENGTH = 100;

  /**
   * A Kubernetes quantity without exponent: up to nine digits, up to three decimals, a unit. The
   * API server stores such a value as written, so the operator's copy and the stored one agree.
   */
  public static final String QUANTITY =
      "^[0-9]{1,9}([.][0-9]{1,3})?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";

  public static final int QUANTITY_MAX_LENGTH = 20;

  /** A link to evidence: an https URL. */
  public static final String HTTPS_URL = "^https://[^ ]+$";

  public static final int URL_MAX_LENGTH = 2048;

  /** A control's id, such as tenant/encryption. */
  public static final String CONTROL_ID = "^(tenant|platform|shared)/[a-z]+(-[a-z]+)*$";

  public static final int CONTROL_ID_MAX_LENGTH = 63;

  /** A Kubernetes minor release, such as 1.32. */
  public static final String MINOR_VERSION = "^1[.](0|[1-9][0-9]*)$";

  private static final Map<String, String> MEANINGS =
      Map.ofEntries(
          Map.entry(DNS_LABEL, "a DNS-1123 label such as genomics-lab"),
          Map.entry(EMAIL, "an e-mail address such as pi@example.org"),
          Map.entry(DATE_TIME, "an RFC 3339 time such as 2026-09-01T00:00:00Z"),
          Map.entry(CIDR, "a CIDR such as 192.0.2.0/24 or 2001:db8::/32"),
          Map.entry(HOST, "a DNS name such as lab.example.org"),
          Map.entry(DURATION, "a duration such as 720h or 1h30m"),
          Map.entry(CRON, "a five-field cron line such as 0 2 * * *, or @daily"),
          Map.entry(LABEL_VALUE, "a label value: letters, digits, and - _ . between them"),
          Map.entry(QUANTITY, "a quantity such as 500m, 4 or 16Gi"),
          Map.entry(HTTPS_URL, "an https URL"),
          Map.entry(CONTROL_ID, "a control id such as tenant/encryption"),
          Map.entry(MINOR_VERSION, "a Kubernetes minor release such as 1.32"));

  /** What a value matching {@code pattern} looks like, in words; the pattern itself if unknown. */
  public static String meaning(String pattern) {
    return MEANINGS.getOrDefault(pattern, "text matching " + pattern);
  }

  private Patterns() {}
}
