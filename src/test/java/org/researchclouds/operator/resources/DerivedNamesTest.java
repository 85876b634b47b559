package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Attack 2 of docs/threat-model.md: no project can pick a name that maps onto another project's
 * Schedule, final backup, drill Restore, scratch namespace or self-service ClusterRole. Each
 * derived name belongs to one project, and stays a valid name within 63 characters.
 */
class DerivedNamesTest {
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  @Test
  void noTwoProjectsShareADerivedName() {
    Map<String, String> owners = new HashMap<>();
    for (ResearchProject project : adversarialProjects()) {
      String owner = project.getMetadata().getUid();
      List<String> derivedNames = derivedNames(project);
      for (int kind = 0; kind < derivedNames.size(); kind++) {
        String derived = derivedNames.get(kind);
        assertThat(derived).as("derived name").hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
        // Names of different kinds may coincide; of one kind, never.
        String previous = owners.putIfAbsent(kind + "/" + derived, owner);
        assertThat(previous).as("%s is derived for two projects", derived).isIn(null, owner);
      }
    }
  }

  /** Every name a victim of 61 to 63 characters could lose to, with others of every length. */
  private static List<ResearchProject> adversarialProjects() {
    List<ResearchProject> projects = new ArrayList<>();
    for (int length = 58; length <= 63; length++) {
      String victim = "v".repeat(length - 1) + "x";
      projects.add(project(victim));
      // What the first version shortened the victim's Schedule to, as a name of its own: its
      // first 49 characters, a dash and ten hex digits of its SHA-256.
      projects.add(project(victim.substring(0, 49) + "-" + sha256(victim).substring(0, 10)));
      projects.add(project(victim.substring(0, length - 1)));
      projects.add(project("h-" + victim.substring(0, length - 2)));
      projects.add(project(victim.substring(0, Math.min(60, length)) + "-fi"));
    }
    for (String name : List.of("a", "lab", "lab-final", "final", "drill", "h", "rp", "rph-lab")) {
      projects.add(project(name));
    }
    // Two projects never share a name at one time; one name is one project here.
    Map<String, ResearchProject> byName = new LinkedHashMap<>();
    projects.forEach(p -> byName.putIfAbsent(p.getMetadata().getName(), p));
    return List.copyOf(byName.values());
  }

  private static List<String> derivedNames(ResearchProject project) {
    String name = project.getMetadata().getName();
    return List.of(
        Names.backupSchedule(name),
        Names.finalBackup(project),
        Names.drillRestore(project, "20261128120000"),
        Names.drillNamespace(project, name),
        Names.selfService(name).substring("researchproject-self-".length()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResearchProject project(String name) {
    ResearchProject project = Fixtures.project(name, name);
    project.getMetadata().setUid(UUID.randomUUID().toString());
    return project;
  }
}
