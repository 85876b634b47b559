package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The newest restore that tested the project's backups. */
public record RestoreTest(
    @JsonPropertyDescription("Name of the Velero Restore.") String name,
    @JsonPropertyDescription("Its phase, such as Completed or PartiallyFailed.") String phase,
    @JsonPropertyDescription("Items restored.") Long itemsRestored,
    @JsonPropertyDescription("How long it took, in seconds.") Long durationSeconds,
    @JsonPropertyDescription("When it finished (RFC 3339).") String completedAt) {}
