package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator knows of the project's backups. */
public record BackupStatus(
    @JsonPropertyDescription("The Velero Schedule, in the Velero namespace.") String schedule,
    @JsonPropertyDescription(
            "Retention in force; above the project's when the baseline's minimum raised it.")
        String retention,
    @JsonPropertyDescription("Name of the newest finished Backup.") String lastBackup,
    @JsonPropertyDescription("Its phase.") String lastBackupPhase,
    @JsonPropertyDescription("When it finished (RFC 3339).") String lastBackupCompleted,
    @JsonPropertyDescription("The newest restore test.") RestoreTest lastRestoreTest) {}
