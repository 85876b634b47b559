package org.researchclouds.operator.api;

/** The kinds of RBAC subject a member can be. */
public enum MemberKind {
  User,
  Group,
  ServiceAccount
}
