package org.researchclouds.operator.api.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of objects keyed by some of their fields ({@code x-kubernetes-list-type: map}): the API
 * server refuses two items with the same key, and merges by key rather than by position.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ListMap {
  /** The fields that identify an item; each is required or has a default. */
  String[] keys();
}
