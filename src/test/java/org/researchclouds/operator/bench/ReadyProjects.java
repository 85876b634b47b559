package org.researchclouds.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Counts the projects whose status says Ready, from a watch: listing every project a few times a
 * second would load the in-memory server in the operator's run only, and skew its ratio to the
 * floor. A bare watch, not an informer, so that it keeps no copy of the projects in the heap the
 * benchmark measures.
 */
final class ReadyProjects implements Watcher<ResearchProject>, AutoCloseable {
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private Watch watch;
  private volatile WatcherException closed;

  static ReadyProjects watch(KubernetesClient client) {
    ReadyProjects projects = new ReadyProjects();
    projects.watch = client.resources(ResearchProject.class).watch(projects);
    return projects;
  }

  void await(int count) throws InterruptedException {
    while (ready.size() < count) {
      if (closed != null) {
        throw new IllegalStateException("the watch of the projects closed", closed);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  @Override
  public void eventReceived(Action action, ResearchProject project) {
    String name = project.getMetadata().getName();
    if (action != Action.DELETED && isReady(project)) {
      ready.add(name);
    } else {
      ready.remove(name);
    }
  }

  private static boolean isReady(ResearchProject project) {
    return project.getStatus() != null
        && project.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Override
  public void onClose(WatcherException cause) {
    closed = cause;
  }

  @Override
  public void close() {
    watch.close();
  }
}
