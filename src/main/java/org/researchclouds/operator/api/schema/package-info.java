/**
 * Schema annotations that fabric8's CRD generator lacks: list types and bounds on list items. The
 * build's CRD generation applies them, so the Java model stays the one source of the CRDs.
 */
package org.researchclouds.operator.api.schema;
