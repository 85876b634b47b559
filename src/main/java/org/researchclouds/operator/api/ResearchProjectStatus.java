package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListMap;
import org.researchclouds.operator.api.schema.ListSet;

/** What the operator observed and did for the project's latest generation it handled. */
public class ResearchProjectStatus {
  @JsonPropertyDescription("The generation of the spec that this status describes.")
  private Long observedGeneration;

  @ListMap(keys = "type")
  @JsonPropertyDescription(
      "Ready, TenantResponsibilitiesMet, PlatformResponsibilitiesMet, SharedResponsibilitiesMet.")
  private List<Condition> conditions = new ArrayList<>();

  @ListMap(keys = "id")
  @JsonPropertyDescription("Each control of the responsibility model, as last evaluated.")
  private List<Responsibility> responsibilities = new ArrayList<>();

  @JsonPropertyDescription("Counts of satisfied responsibilities per owner.")
  private StatusSummary summary;

  @ListSet
  @JsonPropertyDescription("The namespaces the project holds.")
  private List<String> namespaces = new ArrayList<>();

  @JsonPropertyDescription("The project's backups and restore tests.")
  private BackupStatus backup;

  @Size(max = 512)
  @ListSet
  @Items(maxLength = Patterns.HOST_MAX_LENGTH)
  @JsonPropertyDescription(
      "The Ingress hosts the project holds: another project that declares one later is refused.")
  private List<String> ingressHosts = new ArrayList<>();

  @Size(max = 2048)
  @ListMap(keys = "name")
  @JsonPropertyDescription(
      "The other projects this one trusts, by their UID: a project created again under one of"
          + " these names is not trusted until the spec names it anew.")
  private List<PeerIdentity> peers = new ArrayList<>();

  @Size(max = 20)
  @ListMap(keys = "namespace")
  @JsonPropertyDescription(
      "Each namespace's compute quota and its use, once the quota controller has counted it.")
  private List<NamespaceCompute> compute = new ArrayList<>();

  public List<NamespaceCompute> getCompute() {
    return compute;
  }

  public void setCompute(List<NamespaceCompute> compute) {
    this.compute = compute;
  }

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

  public List<Responsibility> getResponsibilities() {
    return responsibilities;
  }

  public void setResponsibilities(List<Responsibility> responsibilities) {
    this.responsibilities = responsibilities;
  }

  public StatusSummary getSummary() {
    return summary;
  }

  public void setSummary(StatusSummary summary) {
    this.summary = summary;
  }

  public List<PeerIdentity> getPeers() {
    return peers;
  }

  public void setPeers(List<PeerIdentity> peers) {
    this.peers = peers;
  }

  public List<String> getIngressHosts() {
    return ingressHosts;
  }

  public void setIngressHosts(List<String> ingressHosts) {
    this.ingressHosts = ingressHosts;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public BackupStatus getBackup() {
    return backup;
  }

  public void setBackup(BackupStatus backup) {
    this.backup = backup;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResearchProjectStatus other
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(responsibilities, other.responsibilities)
        && Objects.equals(summary, other.summary)
        && Objects.equals(namespaces, other.namespaces)
        && Objects.equals(backup, other.backup)
        && Objects.equals(ingressHosts, other.ingressHosts)
        && Objects.equals(peers, other.peers)
        && Objects.equals(compute, other.compute);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        observedGeneration,
        conditions,
        responsibilities,
        summary,
        namespaces,
        backup,
        ingressHosts,
        peers,
        compute);
  }
}
