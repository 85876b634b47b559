package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.controls.ContainerImages;

/**
 * The images that the project's Pods run, and that its Deployments, StatefulSets, Jobs and CronJobs
 * would start: a template with a mutable tag is found before it runs. Each informer keeps only the
 * containers, and only a change of images reaches the project: a Pod's status changes far more
 * often than what it runs.
 */
final class WorkloadImages {
  private static final String TEMPLATE = "spec.template.spec.";
  private static final String JOB_TEMPLATE = "spec.jobTemplate.spec.template.spec.";

  /** One kind of workload: its informer, where its pod spec lies, and what it runs by digest. */
  private record Kind<R extends HasMetadata>(
      InformerEventSource<R, ResearchProject> informer,
      Function<R, PodSpec> podSpec,
      Function<R, Map<String, String>> runningDigests) {

    Stream<ContainerImages> in(String namespace) {
      return InNamespace.of(informer, namespace)
          .map(
              object ->
                  new ContainerImages(
                      object.getKind(),
                      namespace,
                      object.getMetadata().getName(),
                      images(object, podSpec),
                      runningDigests.apply(object)));
    }
  }

  /** What a Pod's cache keeps: its containers, and the digests its status says they run. */
  static ImagesOnlyStore<Pod> podStore() {
    return new ImagesOnlyStore<>(
        ClusterView.reduced(
            Pod.class,
            "spec.containers",
            "spec.initContainers",
            "status.containerStatuses",
            "status.initContainerStatuses"),
        Pod::getSpec);
  }

  private final List<Kind<?>> kinds;

  WorkloadImages(ClusterView view, EventSourceContext<ResearchProject> context) {
    kinds =
        List.of(
            new Kind<>(
                view.namespaced(
                    Pod.class,
                    context,
                    podStore(),
                    (updated, old) ->
                        !images(updated, Pod::getSpec).equals(images(old, Pod::getSpec))
                            || !runningDigests(updated).equals(runningDigests(old))),
                Pod::getSpec,
                WorkloadImages::runningDigests),
            kind(view, context, Deployment.class, TEMPLATE, d -> pods(d.getSpec().getTemplate())),
            kind(view, context, StatefulSet.class, TEMPLATE, s -> pods(s.getSpec().getTemplate())),
            kind(view, context, Job.class, TEMPLATE, j -> pods(j.getSpec().getTemplate())),
            kind(
                view,
                context,
                CronJob.class,
                JOB_TEMPLATE,
                c -> pods(c.getSpec().getJobTemplate().getSpec().getTemplate())));
  }

  List<EventSource<?, ResearchProject>> sources() {
    return kinds.stream().<EventSource<?, ResearchProject>>map(Kind::informer).toList();
  }

  List<ContainerImages> in(List<String> namespaces) {
    return namespaces.stream().flatMap(ns -> kinds.stream().flatMap(kind -> kind.in(ns))).toList();
  }

  private static <R extends HasMetadata> Kind<R> kind(
      ClusterView view,
      EventSourceContext<ResearchProject> context,
      Class<R> type,
      String path,
      Function<R, PodSpec> podSpec) {
    return new Kind<>(
        view.namespaced(
            type,
            context,
            new ImagesOnlyStore<>(
                ClusterView.reduced(type, path + "containers", path + "initContainers"), podSpec),
            (updated, old) -> !images(updated, podSpec).equals(images(old, podSpec))),
        podSpec,
        object -> Map.of());
  }

  /**
   * For each image a Pod's containers name, the digest the runtime pulled (from the container's
   * {@code imageID}, such as {@code docker.io/library/nginx@sha256:…}); a local image ID, which no
   * registry knows, says nothing.
   */
  static Map<String, String> runningDigests(Pod pod) {
    Map<String, String> imageByContainer = new HashMap<>();
    PodSpec spec = pod.getSpec();
    if (spec == null || pod.getStatus() == null) {
      return Map.of();
    }
    Stream.concat(
            Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream(),
            Optional.ofNullable(spec.getContainers()).orElse(List.of()).stream())
        .filter(c -> c.getName() != null && c.getImage() != null)
        .forEach(c -> imageByContainer.put(c.getName(), c.getImage()));
    Map<String, String> digests = new TreeMap<>();
    Stream.concat(
            Optional.ofNullable(pod.getStatus().getInitContainerStatuses())
                .orElse(List.of())
                .stream(),
            Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream())
        .filter(status -> status.getImageID() != null && status.getImageID().contains("@"))
        .filter(status -> imageByContainer.containsKey(status.getName()))
        .forEach(
            status ->
                digests.put(
                    imageByContainer.get(status.getName()),
                    status.getImageID().substring(status.getImageID().lastIndexOf('@') + 1)));
    return digests;
  }

  private static PodSpec pods(PodTemplateSpec template) {
    return template == null ? null : template.getSpec();
  }

  /** The object's pod spec; null where a reduced or malformed object lacks the path to it. */
  static <R> PodSpec podSpecOf(R object, Function<R, PodSpec> podSpec) {
    try {
      return podSpec.apply(object);
    } catch (NullPointerException e) {
      return null;
    }
  }

  /** The images of the init containers and containers; none where the object has no pod spec. */
  private static <R> List<String> images(R object, Function<R, PodSpec> podSpec) {
    PodSpec spec = podSpecOf(object, podSpec);
    if (spec == null) {
      return List.of();
    }
    return Stream.concat(
            Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream(),
            Optional.ofNullable(spec.getContainers()).orElse(List.of()).stream())
        .map(Container::getImage)
        .map(image -> Objects.requireNonNullElse(image, ""))
        .toList();
  }
}
