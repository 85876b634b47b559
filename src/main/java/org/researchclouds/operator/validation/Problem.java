package org.researchclouds.operator.validation;

/** Something wrong with a project that the schema cannot catch; it keeps the project un-Ready. */
public record Problem(String reason, String message) {}
