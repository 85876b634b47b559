package org.researchclouds.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.ComputeDesired;
import org.researchclouds.operator.resources.NamespaceDesired;
import org.researchclouds.operator.resources.NetworkPolicyDesired;
import org.researchclouds.operator.resources.RoleBindingDesired;
import org.researchclouds.operator.resources.SelfServiceDesired;
import org.researchclouds.operator.resources.SelfServiceDesired.Access;

/**
 * What the API server itself allows: a plain client, with as many threads as the operator
 * reconciles with, creates each project and writes the objects the operator would, then one status.
 * It runs on a fresh in-memory server of its own, holding the same unrelated objects, so that a
 * ratio to the operator's time in the same run means something on a noisy machine.
 */
final class PlainClientFloor {
  private PlainClientFloor() {}

  /** The time taken, the writes made and the CPU each side spent. */
  record Figures(double seconds, int writes, String cpu) {}

  static Figures measure(int projects, int unrelated) throws Exception {
    AtomicInteger writes = new AtomicInteger();
    SecurityBaseline baseline = Fixtures.baseline();
    try (ServerProcess server = ServerProcess.start();
        KubernetesClient client = server.client()) {
      ScaleBenchmark.createUnrelatedServices(client, unrelated);
      client.resource(baseline).create();
      ExecutorService pool =
          Executors.newFixedThreadPool(ConfigurationService.DEFAULT_RECONCILIATION_THREADS_NUMBER);
      ScaleBenchmark.settle();
      CpuUse cpu = CpuUse.start(server);
      long start = System.nanoTime();
      for (int i = 0; i < projects; i++) {
        String name = "bench-" + i;
        pool.submit(() -> writes.addAndGet(writeProject(client, baseline, name)));
      }
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Figures(seconds, writes.get(), cpu.stop());
    }
  }

  private static int writeProject(KubernetesClient client, SecurityBaseline baseline, String name) {
    ResearchProject project = client.resource(Fixtures.project(name, name)).create();
    List<HasMetadata> objects = new ArrayList<>();
    for (String namespace : project.namespaceNames()) {
      objects.add(NamespaceDesired.desired(project, namespace, baseline));
      objects.addAll(
          NetworkPolicyDesired.desired(project, namespace, Fixtures.floors(project, baseline)));
      objects.addAll(RoleBindingDesired.desired(project, namespace));
      objects.add(ComputeDesired.resourceQuota(project, namespace, baseline));
      objects.add(ComputeDesired.limitRange(project, namespace, baseline));
    }
    for (Access access : Access.values()) {
      SelfServiceDesired.role(project, access).ifPresent(objects::add);
      SelfServiceDesired.binding(project, access).ifPresent(objects::add);
    }
    objects.forEach(object -> client.resource(object).create());
    project.setStatus(new ResearchProjectStatus());
    client.resource(project).updateStatus();
    return 1 + objects.size() + 1;
  }
}
