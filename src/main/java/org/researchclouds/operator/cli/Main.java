package org.researchclouds.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code researchproject-operator run}. */
@Command(
    name = "researchproject-operator",
    mixinStandardHelpOptions = true,
    version = "researchproject-operator 0.1.0",
    description = "Guard rails and the shared security responsibility model for research projects.",
    subcommands = {RunCommand.class, UninstallCheckCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
