package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.BackupStatus;
import org.researchclouds.operator.api.NamespaceCompute;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.PeerIdentity;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResearchProjectStatus;
import org.researchclouds.operator.api.Responsibility;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.StatusSummary;
import org.researchclouds.operator.controls.ControlCatalogue.Evaluation;

/**
 * The one place that turns readiness and control verdicts into the status: conditions,
 * responsibilities and the summary. Times move only when a state flips, so an unchanged world gives
 * an equal status and no write.
 */
final class StatusAggregator {
  static final String READY = "Ready";
  static final String TENANT = "TenantResponsibilitiesMet";
  static final String PLATFORM = "PlatformResponsibilitiesMet";
  static final String SHARED = "SharedResponsibilitiesMet";
  static final String SPEC_REFUSED = "SpecRefused";

  private final Clock clock;

  StatusAggregator(Clock clock) {
    this.clock = clock;
  }

  ResearchProjectStatus build(
      ResearchProject project,
      Readiness readiness,
      List<Evaluation> evaluations,
      List<String> namespaces,
      BackupStatus backup,
      List<PeerIdentity> peers,
      List<NamespaceCompute> compute) {
    ResearchProjectStatus previous = previous(project);
    String now = now();
    long generation = generation(project);

    List<Responsibility> responsibilities = new ArrayList<>();
    for (Evaluation evaluation : evaluations) {
      responsibilities.add(responsibility(previous.getResponsibilities(), evaluation, now));
    }
    List<Condition> conditions = new ArrayList<>();
    List<Condition> old = previous.getConditions();
    conditions.add(ready(old, readiness, generation, now));
    conditions.addAll(ownerConditions(old, responsibilities, generation, now));

    ResearchProjectStatus status = new ResearchProjectStatus();
    status.setObservedGeneration(generation);
    status.setConditions(conditions);
    status.setResponsibilities(responsibilities);
    status.setSummary(summary(responsibilities));
    status.setNamespaces(namespaces);
    status.setBackup(backup);
    status.setPeers(peers);
    status.setCompute(compute);
    // The hosts are held once applied; a generation that applied nothing keeps the last ones.
    status.setIngressHosts(
        "True".equals(readiness.status()) ? project.ingressHosts() : previous.getIngressHosts());
    return status;
  }

  /**
   * For a generation the checks refused: Ready says why, and no responsibility is judged, since the
   * controls would read a spec that nothing applied. Each reads Unknown and keeps its last verdict
   * in the message: a spec kept refused on purpose cannot freeze a Met, an exception or an
   * attestation past its time. The status describes this generation.
   */
  ResearchProjectStatus refused(ResearchProject project, Readiness readiness) {
    ResearchProjectStatus previous = previous(project);
    String now = now();
    long generation = generation(project);
    List<Responsibility> responsibilities =
        previous.getResponsibilities().stream().map(r -> unjudged(r, now)).toList();
    ResearchProjectStatus status = withReadiness(project, readiness);
    status.setObservedGeneration(generation);
    status.setResponsibilities(responsibilities);
    List<Condition> conditions = new ArrayList<>();
    conditions.add(ready(previous.getConditions(), readiness, generation, now));
    conditions.addAll(ownerConditions(previous.getConditions(), responsibilities, generation, now));
    status.setConditions(conditions);
    status.setSummary(summary(responsibilities));
    return status;
  }

  private static Responsibility unjudged(Responsibility last, String now) {
    if (last.state() == ResponsibilityState.Unknown && SPEC_REFUSED.equals(last.reason())) {
      return last;
    }
    return new Responsibility(
        last.id(),
        last.owner(),
        ResponsibilityState.Unknown,
        SPEC_REFUSED,
        bounded(
            "Not judged while the spec is refused (see Ready); last verdict "
                + last.state()
                + " ("
                + last.reason()
                + "): "
                + last.message()),
        last.state() == ResponsibilityState.Unknown ? last.lastTransitionTime() : now);
  }

  /** The previous status with only Ready replaced, for failures that evaluated nothing. */
  ResearchProjectStatus withReadiness(ResearchProject project, Readiness readiness) {
    ResearchProjectStatus previous = previous(project);
    String now = now();
    long generation = generation(project);
    List<Condition> conditions = new ArrayList<>();
    conditions.add(ready(previous.getConditions(), readiness, generation, now));
    previous.getConditions().stream()
        .filter(c -> !READY.equals(c.getType()))
        .forEach(conditions::add);
    ResearchProjectStatus status = new ResearchProjectStatus();
    status.setObservedGeneration(previous.getObservedGeneration());
    status.setConditions(conditions);
    status.setResponsibilities(previous.getResponsibilities());
    status.setSummary(previous.getSummary());
    status.setNamespaces(previous.getNamespaces());
    status.setBackup(previous.getBackup());
    status.setIngressHosts(previous.getIngressHosts());
    status.setPeers(previous.getPeers());
    status.setCompute(previous.getCompute());
    return status;
  }

  private static Condition ready(
      List<Condition> old, Readiness readiness, long generation, String now) {
    return Conditions.next(
        old, READY, readiness.status(), readiness.reason(), readiness.message(), generation, now);
  }

  private static ResearchProjectStatus previous(ResearchProject project) {
    return Optional.ofNullable(project.getStatus()).orElseGet(ResearchProjectStatus::new);
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static long generation(ResearchProject project) {
    Long generation = project.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  private static Responsibility responsibility(
      List<Responsibility> previous, Evaluation evaluation, String now) {
    ResponsibilityState state = evaluation.finding().state();
    String since =
        previous.stream()
            .filter(r -> r.id().equals(evaluation.id()) && r.state() == state)
            .map(Responsibility::lastTransitionTime)
            .findFirst()
            .orElse(now);
    return new Responsibility(
        evaluation.id(),
        evaluation.owner(),
        state,
        evaluation.finding().reason(),
        bounded(evaluation.finding().message()),
        since);
  }

  /** Within the CRD's bound, whatever a control names. */
  private static String bounded(String message) {
    return message.length() <= Responsibility.MAX_MESSAGE
        ? message
        : message.substring(0, Responsibility.MAX_MESSAGE - 1) + "…";
  }

  private static List<Condition> ownerConditions(
      List<Condition> old, List<Responsibility> responsibilities, long generation, String now) {
    List<Condition> conditions = new ArrayList<>();
    for (Owner owner : Owner.values()) {
      List<Responsibility> owned =
          responsibilities.stream().filter(r -> r.owner() == owner).toList();
      if (!owned.isEmpty()) {
        conditions.add(ownerCondition(old, owner, owned, generation, now));
      }
    }
    return conditions;
  }

  private static StatusSummary summary(List<Responsibility> responsibilities) {
    return new StatusSummary(
        count(responsibilities, Owner.Tenant),
        count(responsibilities, Owner.Platform),
        count(responsibilities, Owner.Shared));
  }

  private static Condition ownerCondition(
      List<Condition> old, Owner owner, List<Responsibility> owned, long generation, String now) {
    List<String> unmet =
        owned.stream()
            .filter(r -> r.state() == ResponsibilityState.NotMet)
            .map(Responsibility::id)
            .toList();
    List<String> unknown =
        owned.stream()
            .filter(r -> r.state() == ResponsibilityState.Unknown)
            .map(Responsibility::id)
            .toList();
    String type =
        switch (owner) {
          case Tenant -> TENANT;
          case Platform -> PLATFORM;
          case Shared -> SHARED;
        };
    if (!unmet.isEmpty()) {
      return Conditions.next(
          old,
          type,
          "False",
          "ResponsibilitiesNotMet",
          "Not met: " + String.join(", ", unmet) + ".",
          generation,
          now);
    }
    if (!unknown.isEmpty()) {
      return Conditions.next(
          old,
          type,
          "Unknown",
          "ResponsibilitiesUnknown",
          "Cannot tell: " + String.join(", ", unknown) + ".",
          generation,
          now);
    }
    long excepted = owned.stream().filter(r -> r.state() == ResponsibilityState.Excepted).count();
    return Conditions.next(
        old,
        type,
        "True",
        "AllResponsibilitiesMet",
        "All "
            + (owned.size() - excepted)
            + " "
            + owner.name().toLowerCase()
            + " responsibilities are met"
            + (excepted == 0 ? "." : "; " + excepted + " excepted by the platform."),
        generation,
        now);
  }

  /** Satisfied over counted, such as 4/5, and the excepted beside them: 4/5 +1 excepted. */
  private static String count(List<Responsibility> responsibilities, Owner owner) {
    List<Responsibility> owned = responsibilities.stream().filter(r -> r.owner() == owner).toList();
    if (owned.isEmpty()) {
      return null;
    }
    long excepted = owned.stream().filter(r -> r.state() == ResponsibilityState.Excepted).count();
    long satisfied = owned.stream().filter(r -> r.state().satisfied()).count();
    String count = satisfied + "/" + (owned.size() - excepted);
    return excepted == 0 ? count : count + " +" + excepted + " excepted";
  }
}
