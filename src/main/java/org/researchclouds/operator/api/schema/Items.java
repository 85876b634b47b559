package org.researchclouds.operator.api.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds on the string items of a list, or the string values of a map, which fabric8's CRD
 * generator cannot read from a type argument. The build's CRD generation puts them on the schema's
 * {@code items} or {@code additionalProperties}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Items {
  /** Longest item, in characters. */
  int maxLength();

  /** A regular expression each item matches; empty for none. */
  String pattern() default "";
}
