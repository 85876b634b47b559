package org.researchclouds.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.concurrent.Callable;
import org.researchclouds.operator.api.ResearchProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The chart's pre-delete hook: refuses an uninstall while projects exist. Without the operator
 * their guard rails are no longer repaired, and a deleted project keeps its finalizer for good; the
 * platform deletes the projects first, or forces the uninstall knowingly.
 */
@Command(
    name = "check-uninstall",
    mixinStandardHelpOptions = true,
    description = "Exit non-zero while ResearchProjects exist (the chart's pre-delete hook).")
final class UninstallCheckCommand implements Callable<Integer> {
  static final int PROJECTS_EXIST = 7;
  static final int API_ERROR = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(ClusterProbe.fastFailingConfig()).build()) {
      return check(client);
    }
  }

  int check(KubernetesClient client) {
    List<String> projects;
    try {
      projects =
          client.resources(ResearchProject.class).list().getItems().stream()
              .map(p -> p.getMetadata().getName())
              .sorted()
              .toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        spec.commandLine().getOut().println("The ResearchProject CRD is gone: no project exists.");
        return 0;
      }
      spec.commandLine()
          .getErr()
          .printf("Cannot list the ResearchProjects (HTTP %d): %s%n", e.getCode(), e.getMessage());
      return API_ERROR;
    }
    if (projects.isEmpty()) {
      spec.commandLine().getOut().println("No ResearchProject exists: the operator may go.");
      return 0;
    }
    spec.commandLine()
        .getErr()
        .printf(
            "%d ResearchProject(s) still exist: %s.%nWithout the operator their guard rails are"
                + " no longer repaired and a deleted project keeps its finalizer. Delete them first"
                + " (each with its deletionPolicy), or set uninstall.force=true (helm upgrade"
                + " --reuse-values) or uninstall with --no-hooks.%n",
            projects.size(), String.join(", ", projects));
    return PROJECTS_EXIST;
  }
}
