/**
 * Velero's kinds, as the client knows them. Registered through {@code META-INF/services}, these
 * classes tell fabric8 each kind's plural and scope, so that generic reads and writes of Velero
 * objects need no API discovery (which some API servers, the test server among them, do not serve).
 * The objects themselves stay {@code GenericKubernetesResource}s: the operator reads only the few
 * fields it needs, whatever Velero version wrote them.
 */
package org.researchclouds.operator.velero;
