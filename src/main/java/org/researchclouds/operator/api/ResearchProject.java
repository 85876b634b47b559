package org.researchclouds.operator.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A research project: its namespaces, guard rails and the state of its responsibilities.
 * Cluster-scoped (it implements no {@code Namespaced}): one project may own several namespaces.
 */
@Group(ResearchProject.GROUP)
@Version(ResearchProject.VERSION)
// Named rather than derived: fabric8 derives a plural with regular expressions in every
// constructor, which the informers and the cloner call for each event and copy.
@Plural("researchprojects")
@ShortNames({"rp", "rproj"})
@Categories({"research"})
// The API server already holds names to DNS subdomains; without dots and within 63 characters
// a subdomain is a label. A regex would cost more: rules see metadata.name without a maxLength.
@ValidationRule(
    value = "size(self.metadata.name) <= 63 && !self.metadata.name.contains('.')",
    message = "the project name must be a DNS-1123 label of at most 63 characters")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Tenant",
    jsonPath = ".status.summary.tenant",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Platform",
    jsonPath = ".status.summary.platform",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Shared",
    jsonPath = ".status.summary.shared",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Classification",
    jsonPath = ".spec.dataClassification",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@JsonDeserialize(using = ResearchProject.Reader.class)
public class ResearchProject extends LenientResource<ResearchProjectSpec, ResearchProjectStatus> {
  public static final String GROUP = "researchclouds.org";
  public static final String VERSION = "v1alpha1";

  /** The project's namespaces: those listed, or one named after the project. */
  /** Every Ingress host the project's exposures declare, once each, in the spec's order. */
  public List<String> ingressHosts() {
    return getSpec().networkOrEmpty().exposuresOrEmpty().stream()
        .flatMap(exposure -> exposure.hostsOrEmpty().stream())
        .distinct()
        .toList();
  }

  /** The other projects the exposures admit and the egress reaches, once each. */
  public List<String> peerNames() {
    NetworkSpec network = getSpec().networkOrEmpty();
    return Stream.concat(
            network.exposuresOrEmpty().stream().flatMap(e -> e.from().projectsOrEmpty().stream()),
            network.egressOrEmpty().stream().flatMap(e -> e.projectsOrEmpty().stream()))
        .distinct()
        .toList();
  }

  /** The identity this project remembers for a peer it names, if any. */
  public Optional<PeerIdentity> pinnedPeer(String name) {
    return getStatus() == null
        ? Optional.empty()
        : getStatus().getPeers().stream().filter(pin -> pin.name().equals(name)).findFirst();
  }

  public List<String> namespaceNames() {
    List<String> listed = getSpec() == null ? null : getSpec().namespaces();
    return listed == null || listed.isEmpty() ? List.of(getMetadata().getName()) : listed;
  }

  static final class Reader
      extends LenientReader<ResearchProject, ResearchProjectSpec, ResearchProjectStatus> {
    Reader() {
      super(
          ResearchProject.class,
          ResearchProject::new,
          ResearchProjectSpec.class,
          ResearchProjectStatus.class);
    }
  }
}
