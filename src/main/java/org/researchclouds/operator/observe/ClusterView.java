package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.Observation;
import org.researchclouds.operator.resources.Names;

/**
 * The operator's view of the cluster, read from JOSDK's informer caches: no call to the API server
 * on a reconcile that changes nothing. Each informer maps its events to the projects they touch.
 */
public final class ClusterView {
  private static final String BY_PROJECT = "byProject";

  private final InformerEventSource<Namespace, ResearchProject> namespaces;
  private final InformerEventSource<NetworkPolicy, ResearchProject> policies;
  private final InformerEventSource<Service, ResearchProject> services;
  private final InformerEventSource<Ingress, ResearchProject> ingresses;
  private final InformerEventSource<SecurityBaseline, ResearchProject> baselines;

  public ClusterView(EventSourceContext<ResearchProject> context) {
    namespaces =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Namespace.class, ResearchProject.class)
                .withSecondaryToPrimaryMapper(ns -> projectOf(ns).map(Set::of).orElse(Set.of()))
                .build(),
            context);
    namespaces.addIndexers(
        Map.<String, Function<Namespace, List<String>>>of(
            BY_PROJECT, ns -> projectOf(ns).map(id -> List.of(id.getName())).orElse(List.of())));
    policies = namespaced(NetworkPolicy.class, context);
    services = namespaced(Service.class, context);
    ingresses = namespaced(Ingress.class, context);
    // A baseline change can move every project's floors.
    baselines =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(SecurityBaseline.class, ResearchProject.class)
                .withSecondaryToPrimaryMapper(
                    baseline ->
                        context
                            .getPrimaryCache()
                            .list()
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
  }

  public List<EventSource<?, ResearchProject>> eventSources() {
    return List.of(namespaces, policies, services, ingresses, baselines);
  }

  public InformerEventSource<Namespace, ResearchProject> namespaceCache() {
    return namespaces;
  }

  public InformerEventSource<NetworkPolicy, ResearchProject> policyCache() {
    return policies;
  }

  public Optional<SecurityBaseline> baseline(String name) {
    return baselines.get(new ResourceID(name));
  }

  public Optional<Namespace> namespace(String name) {
    return namespaces.get(new ResourceID(name));
  }

  /** Namespaces labelled as the project's, listed in its spec or not (any more). */
  public List<Namespace> namespacesHeldBy(String project) {
    return namespaces.byIndex(BY_PROJECT, project);
  }

  public List<NetworkPolicy> policies(String namespace) {
    return policies.list(namespace).toList();
  }

  /** What the controls read, leaving out objects the operator has just deleted. */
  public Observation observe(
      ResearchProject project, SecurityBaseline baseline, Collection<ResourceID> justDeleted) {
    Map<String, Namespace> present = new LinkedHashMap<>();
    Map<String, List<NetworkPolicy>> policiesByNamespace = new LinkedHashMap<>();
    for (String name : project.namespaceNames()) {
      namespace(name)
          .filter(
              ns ->
                  project
                      .getMetadata()
                      .getName()
                      .equals(projectOf(ns).map(ResourceID::getName).orElse(null)))
          .ifPresent(
              ns -> {
                present.put(name, ns);
                policiesByNamespace.put(name, remaining(policies.list(name).toList(), justDeleted));
              });
    }
    return new Observation(
        project,
        baseline,
        present,
        policiesByNamespace,
        present.keySet().stream().flatMap(ns -> services.list(ns)).toList(),
        present.keySet().stream().flatMap(ns -> ingresses.list(ns)).toList());
  }

  private static <R extends HasMetadata> List<R> remaining(
      List<R> objects, Collection<ResourceID> deleted) {
    return objects.stream().filter(o -> !deleted.contains(ResourceID.fromResource(o))).toList();
  }

  private <R extends HasMetadata> InformerEventSource<R, ResearchProject> namespaced(
      Class<R> type, EventSourceContext<ResearchProject> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(type, ResearchProject.class)
            .withSecondaryToPrimaryMapper(
                object ->
                    namespace(object.getMetadata().getNamespace())
                        .flatMap(ClusterView::projectOf)
                        .map(Set::of)
                        .orElse(Set.of()))
            .build(),
        context);
  }

  private static Optional<ResourceID> projectOf(Namespace namespace) {
    Map<String, String> labels = namespace.getMetadata().getLabels();
    String project = labels == null ? null : labels.get(Names.PROJECT_LABEL);
    return Optional.ofNullable(project).map(ResourceID::new);
  }
}
