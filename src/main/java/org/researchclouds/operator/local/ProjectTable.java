package org.researchclouds.operator.local;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.Responsibility;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.StatusSummary;

/**
 * The projects as a text table: readiness and the responsibility counts per owner, then, once each,
 * why the open responsibilities are open.
 */
public final class ProjectTable {
  private static final String[] HEADER = {
    "PROJECT", "CLASSIFICATION", "READY", "TENANT", "PLATFORM", "SHARED", "OPEN RESPONSIBILITIES"
  };

  private ProjectTable() {}

  public static String render(List<ResearchProject> projects) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    Set<String> reasons = new LinkedHashSet<>();
    projects.stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .forEach(
            project -> {
              rows.add(row(project));
              open(project).forEach(r -> reasons.add(explain(r)));
            });
    StringBuilder out = new StringBuilder();
    int[] widths = widths(rows);
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (!reasons.isEmpty()) {
      out.append('\n');
      reasons.forEach(reason -> out.append("  ").append(reason).append('\n'));
    }
    return out.toString();
  }

  private static String[] row(ResearchProject project) {
    Optional<ResearchProjectStatus> status = Optional.ofNullable(project.getStatus());
    Optional<StatusSummary> summary = status.map(ResearchProjectStatus::getSummary);
    return new String[] {
      project.getMetadata().getName(),
      project.getSpec() == null || project.getSpec().dataClassification() == null
          ? "-"
          : project.getSpec().dataClassification().value(),
      status
          .flatMap(
              s -> s.getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst())
          .map(ProjectTable::readiness)
          .orElse("-"),
      summary.map(StatusSummary::tenant).orElse("-"),
      summary.map(StatusSummary::platform).orElse("-"),
      summary.map(StatusSummary::shared).orElse("-"),
      open(project).map(r -> r.id() + " " + r.state()).collect(Collectors.joining(", "))
    };
  }

  private static String readiness(Condition ready) {
    return "True".equals(ready.getStatus())
        ? "True"
        : ready.getStatus() + " (" + ready.getReason() + ")";
  }

  private static Stream<Responsibility> open(ResearchProject project) {
    return project.getStatus() == null
        ? Stream.empty()
        : project.getStatus().getResponsibilities().stream()
            .filter(
                r ->
                    r.state() == ResponsibilityState.NotMet
                        || r.state() == ResponsibilityState.Unknown);
  }

  private static String explain(Responsibility r) {
    return r.id() + " " + r.state() + " (" + r.reason() + "): " + r.message();
  }

  private static int[] widths(List<String[]> rows) {
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    return widths;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
