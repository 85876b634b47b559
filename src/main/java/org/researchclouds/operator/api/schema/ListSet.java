package org.researchclouds.operator.api.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of unique scalars ({@code x-kubernetes-list-type: set}): the API server refuses a
 * duplicate at no CEL cost.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ListSet {}
