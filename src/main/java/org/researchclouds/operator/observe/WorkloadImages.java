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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.controls.ContainerImages;

/**
 * The images that the project's Pods run, and that its Deployments, StatefulSets, Jobs and CronJobs
 * would start: a template with a mutable tag is found before it runs. Each informer keeps only the
 * containers.
 */
final class WorkloadImages {
  private static final String TEMPLATE = "spec.template.spec.";
  private static final String JOB_TEMPLATE = "spec.jobTemplate.spec.template.spec.";

  private final InformerEventSource<Pod, ResearchProject> pods;
  private final InformerEventSource<Deployment, ResearchProject> deployments;
  private final InformerEventSource<StatefulSet, ResearchProject> statefulSets;
  private final InformerEventSource<Job, ResearchProject> jobs;
  private final InformerEventSource<CronJob, ResearchProject> cronJobs;

  WorkloadImages(ClusterView view, EventSourceContext<ResearchProject> context) {
    pods = informer(view, context, Pod.class, "spec.");
    deployments = informer(view, context, Deployment.class, TEMPLATE);
    statefulSets = informer(view, context, StatefulSet.class, TEMPLATE);
    jobs = informer(view, context, Job.class, TEMPLATE);
    cronJobs = informer(view, context, CronJob.class, JOB_TEMPLATE);
  }

  List<EventSource<?, ResearchProject>> sources() {
    return List.of(pods, deployments, statefulSets, jobs, cronJobs);
  }

  List<ContainerImages> in(List<String> namespaces) {
    return namespaces.stream()
        .flatMap(
            ns ->
                Stream.of(
                        of(pods, ns, Pod::getSpec),
                        of(deployments, ns, d -> template(d.getSpec().getTemplate())),
                        of(statefulSets, ns, s -> template(s.getSpec().getTemplate())),
                        of(jobs, ns, j -> template(j.getSpec().getTemplate())),
                        of(
                            cronJobs,
                            ns,
                            c -> template(c.getSpec().getJobTemplate().getSpec().getTemplate())))
                    .flatMap(s -> s))
        .toList();
  }

  private static <R extends HasMetadata> Stream<ContainerImages> of(
      InformerEventSource<R, ResearchProject> informer,
      String namespace,
      Function<R, PodSpec> spec) {
    return informer
        .list(namespace)
        .map(
            object ->
                new ContainerImages(
                    object.getKind(),
                    namespace,
                    object.getMetadata().getName(),
                    images(safely(spec, object))));
  }

  /** A reduced object may lack the path to its pod spec: it then runs no container. */
  private static <R> PodSpec safely(Function<R, PodSpec> spec, R object) {
    try {
      return spec.apply(object);
    } catch (NullPointerException e) {
      return null;
    }
  }

  private static PodSpec template(PodTemplateSpec template) {
    return template == null ? null : template.getSpec();
  }

  private static List<String> images(PodSpec spec) {
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

  private static <R extends HasMetadata> InformerEventSource<R, ResearchProject> informer(
      ClusterView view, EventSourceContext<ResearchProject> context, Class<R> type, String spec) {
    return view.namespaced(
        type, context, ClusterView.reduced(type, spec + "containers", spec + "initContainers"));
  }
}
