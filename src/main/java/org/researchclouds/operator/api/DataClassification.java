package org.researchclouds.operator.api;

/** How sensitive the project's research data is; the baseline derives its floors from it. */
public enum DataClassification {
  PUBLIC("public"),
  INTERNAL("internal"),
  SENSITIVE("sensitive"),
  RESTRICTED("restricted");

  private final String value;

  DataClassification(String value) {
    this.value = value;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  public String value() {
    return value;
  }
}
