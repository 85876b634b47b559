package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The Pod Security level enforced for each data classification. */
public record PodSecurityLevels(
    @JsonProperty("public") @JsonPropertyDescription("Level for public data (default baseline).")
        PodSecurityLevel publicData,
    @JsonProperty("internal")
        @JsonPropertyDescription("Level for internal data (default baseline).")
        PodSecurityLevel internalData,
    @JsonProperty("sensitive")
        @JsonPropertyDescription("Level for sensitive data (default restricted).")
        PodSecurityLevel sensitiveData,
    @JsonProperty("restricted")
        @JsonPropertyDescription("Level for restricted data (default restricted).")
        PodSecurityLevel restrictedData) {

  public PodSecurityLevel levelFor(DataClassification classification) {
    PodSecurityLevel set =
        switch (classification) {
          case PUBLIC -> publicData;
          case INTERNAL -> internalData;
          case SENSITIVE -> sensitiveData;
          case RESTRICTED -> restrictedData;
        };
    return set != null ? set : defaultFor(classification);
  }

  private static PodSecurityLevel defaultFor(DataClassification classification) {
    return switch (classification) {
      case PUBLIC, INTERNAL -> PodSecurityLevel.baseline;
      case SENSITIVE, RESTRICTED -> PodSecurityLevel.restricted;
    };
  }
}
