package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.researchclouds.operator.api.schema.ListMap;

/** The baseline as the operator reads it: valid or not, what it governs, what expires soon. */
public class SecurityBaselineStatus {
  @JsonPropertyDescription("The generation of the spec that this status describes.")
  private Long observedGeneration;

  @ListMap(keys = "type")
  @JsonPropertyDescription("Valid: whether every project can be judged against this baseline.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The projects the baseline governs.")
  private Integer projects;

  @JsonPropertyDescription("Projects whose tenant responsibilities are all met, such as 12/15.")
  private String tenant;

  @JsonPropertyDescription("Projects whose platform responsibilities are all met.")
  private String platform;

  @JsonPropertyDescription("Projects whose shared responsibilities are all met.")
  private String shared;

  @Size(max = 300)
  @JsonPropertyDescription(
      "Attestations and exceptions that expire within 30 days, or have expired, soonest first.")
  private List<ExpiringGrant> expiring = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Integer getProjects() {
    return projects;
  }

  public void setProjects(Integer projects) {
    this.projects = projects;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getPlatform() {
    return platform;
  }

  public void setPlatform(String platform) {
    this.platform = platform;
  }

  public String getShared() {
    return shared;
  }

  public void setShared(String shared) {
    this.shared = shared;
  }

  public List<ExpiringGrant> getExpiring() {
    return expiring;
  }

  public void setExpiring(List<ExpiringGrant> expiring) {
    this.expiring = expiring;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecurityBaselineStatus other
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(projects, other.projects)
        && Objects.equals(tenant, other.tenant)
        && Objects.equals(platform, other.platform)
        && Objects.equals(shared, other.shared)
        && Objects.equals(expiring, other.expiring);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        observedGeneration, conditions, projects, tenant, platform, shared, expiring);
  }
}
