package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.researchclouds.operator.api.schema.Items;
import org.researchclouds.operator.api.schema.ListMap;
import org.researchclouds.operator.api.schema.ListSet;

/** The platform's floors and defaults that no project can go below. */
public record SecurityBaselineSpec(
    @JsonPropertyDescription("Pod Security level enforced per data classification.")
        PodSecurityLevels podSecurity,
    @JsonPropertyDescription(
            "The ingress controller's pods: the source of exposures that name ingressController.")
        PeerSelector ingressController,
    @JsonPropertyDescription("The cluster DNS pods (default kube-system, k8s-app=kube-dns).")
        PeerSelector dns,
    @Size(max = 64)
        @ListMap(keys = {"port", "protocol"})
        @JsonPropertyDescription(
            "Outbound ports blocked unless egressExceptions grants one to a project. Default: 25,"
                + " 465 and 587/TCP (outbound mail).")
        List<BlockedPort> blockedEgress,
    @Size(max = 64)
        @ListMap(keys = {"project", "port", "protocol"})
        @JsonPropertyDescription(
            "Blocked ports opened for one project each, until they expire: the only way a blocked"
                + " port opens.")
        List<EgressException> egressExceptions,
    @Size(max = 64)
        @ListMap(keys = "cidr")
        @JsonPropertyDescription(
            "Addresses no project reaches or admits: every range a project names leaves them out."
                + " Default: the cloud metadata service, 169.254.169.254/32 and fd00:ec2::254/128.")
        List<DeniedCidr> deniedCidrs,
    @Size(max = 4)
        @ListMap(keys = "classification")
        @JsonPropertyDescription(
            "How far projects of each data classification may open themselves; a classification"
                + " left out keeps its defaults.")
        List<ExposureLimit> exposureLimits,
    @JsonPropertyDescription("The DNS names projects may route to themselves.")
        IngressHostPolicy ingressHosts,
    @JsonPropertyDescription("The terms of use that projects must accept.") TermsOfUse termsOfUse,
    @Default("Audit")
        @JsonPropertyDescription(
            "Audit (default): report objects that undo the guard rails. Enforce: also remove them.")
        EnforcementMode enforcementMode,
    @Size(max = 256)
        @ListSet
        @Items(maxLength = Patterns.DNS_LABEL_MAX_LENGTH, pattern = Patterns.DNS_LABEL)
        @JsonPropertyDescription(
            "Namespaces no project may claim, besides default, kube-*, the DNS, ingress and Velero"
                + " namespaces, the operator's own and rp-drill-* (always protected).")
        List<String> protectedNamespaces,
    @JsonPropertyDescription("Which namespace names projects may claim.")
        NamespaceNaming namespaceNaming,
    @Size(max = 64)
        @JsonPropertyDescription(
            "RoleBindings accepted in project namespaces besides the operator's own, such as an"
                + " auditors group with view.")
        List<AllowedBinding> allowedBindings,
    @JsonPropertyDescription("The backup service and its floors.") BackupPolicy backup,
    @Pattern(Patterns.EMAIL)
        @Size(max = Patterns.EMAIL_MAX_LENGTH)
        @JsonPropertyDescription(
            "The platform team's security contact, for incidents that cross a project's borders.")
        String platformContact,
    @Size(max = 16)
        @ListMap(keys = "duty")
        @JsonPropertyDescription(
            "The platform team's attestations of the duties the operator cannot observe, each"
                + " until it expires.")
        List<Attestation> attestations,
    @Size(max = 256)
        @ListMap(keys = {"project", "control"})
        @JsonPropertyDescription(
            "Controls waived for one project each, until they expire: the only way a control is"
                + " excepted.")
        List<ControlException> exceptions,
    @JsonPropertyDescription("Which projects must encrypt, and what counts as encrypted.")
        EncryptionPolicy encryption,
    @JsonPropertyDescription("How timely patches must be, for projects and the platform.")
        PatchingPolicy patching,
    @Size(max = 4)
        @ListMap(keys = "classification")
        @JsonPropertyDescription(
            "Quotas, container defaults and ceilings per classification; a classification left"
                + " out keeps the defaults.")
        List<ComputePolicy> compute,
    @Size(max = 256)
        @ListMap(keys = "project")
        @JsonPropertyDescription("Higher compute ceilings granted to one project each.")
        List<ComputeGrant> computeGrants) {

  private static final PeerSelector DEFAULT_DNS =
      new PeerSelector("kube-system", Map.of("k8s-app", "kube-dns"));
  private static final List<BlockedPort> DEFAULT_BLOCKED_EGRESS =
      List.of(
          new BlockedPort(25, Protocol.TCP, "outbound mail (SMTP)"),
          new BlockedPort(465, Protocol.TCP, "outbound mail (SMTPS)"),
          new BlockedPort(587, Protocol.TCP, "outbound mail (submission)"));

  private static final List<DeniedCidr> DEFAULT_DENIED_CIDRS =
      List.of(
          new DeniedCidr("169.254.169.254/32", "cloud instance metadata"),
          new DeniedCidr("fd00:ec2::254/128", "cloud instance metadata"));

  public List<Attestation> attestationsOrEmpty() {
    return attestations == null ? List.of() : attestations;
  }

  public List<ControlException> exceptionsOrEmpty() {
    return exceptions == null ? List.of() : exceptions;
  }

  public EncryptionPolicy encryptionOrDefault() {
    return encryption == null ? EncryptionPolicy.defaults() : encryption;
  }

  public PatchingPolicy patchingOrDefault() {
    return patching == null ? PatchingPolicy.defaults() : patching;
  }

  /** The compute policy for a classification: the listed fields, the defaults besides. */
  public ComputePolicy computeFor(DataClassification classification) {
    return forClassification(
        compute,
        ComputePolicy::classification,
        classification,
        ComputePolicy.defaults(classification),
        ComputePolicy::over);
  }

  /** The most a project may ask for: its own grant over its classification's ceiling. */
  public ComputeQuota computeCeilingFor(String project, DataClassification classification) {
    ComputeQuota ceiling = computeFor(classification).ceiling();
    return (computeGrants == null ? List.<ComputeGrant>of() : computeGrants)
        .stream()
            .filter(grant -> grant.project().equals(project))
            .findFirst()
            .map(grant -> grant.ceiling().over(ceiling))
            .orElse(ceiling);
  }

  public List<EgressException> egressExceptionsOrEmpty() {
    return egressExceptions == null ? List.of() : egressExceptions;
  }

  public List<DeniedCidr> deniedCidrsOrDefault() {
    return deniedCidrs == null ? DEFAULT_DENIED_CIDRS : deniedCidrs;
  }

  /** The limits for a classification: the listed fields, the classification's defaults besides. */
  public ExposureLimit exposureLimitFor(DataClassification classification) {
    return forClassification(
        exposureLimits,
        ExposureLimit::classification,
        classification,
        ExposureLimit.defaults(classification),
        ExposureLimit::over);
  }

  /** The entry listed for a classification over its defaults, or the defaults alone. */
  private static <T> T forClassification(
      List<T> entries,
      Function<T, DataClassification> classificationOf,
      DataClassification classification,
      T defaults,
      BinaryOperator<T> over) {
    return (entries == null ? List.<T>of() : entries)
        .stream()
            .filter(entry -> classificationOf.apply(entry) == classification)
            .findFirst()
            .map(entry -> over.apply(entry, defaults))
            .orElse(defaults);
  }

  public IngressHostPolicy ingressHostsOrDefault() {
    return ingressHosts == null ? new IngressHostPolicy(null, null) : ingressHosts;
  }

  public PodSecurityLevels podSecurityOrDefault() {
    return podSecurity == null ? new PodSecurityLevels(null, null, null, null) : podSecurity;
  }

  public PeerSelector dnsOrDefault() {
    return dns == null ? DEFAULT_DNS : dns;
  }

  public List<BlockedPort> blockedEgressOrDefault() {
    return blockedEgress == null ? DEFAULT_BLOCKED_EGRESS : blockedEgress;
  }

  public EnforcementMode enforcementModeOrDefault() {
    return enforcementMode == null ? EnforcementMode.Audit : enforcementMode;
  }

  public BackupPolicy backupOrDefault() {
    return backup == null ? BackupPolicy.defaults() : backup;
  }

  public List<AllowedBinding> allowedBindingsOrEmpty() {
    return allowedBindings == null ? List.of() : allowedBindings;
  }

  public NamespaceNaming namespaceNamingOrDefault() {
    return namespaceNaming == null ? new NamespaceNaming(null, null) : namespaceNaming;
  }

  public List<String> protectedNamespacesOrEmpty() {
    return protectedNamespaces == null ? List.of() : protectedNamespaces;
  }
}
