/**
 * Velero's kinds, as the client knows them. Registered through {@code META-INF/services}, these
 * classes tell fabric8 each kind's plural and scope, so that reads, writes and informers of Velero
 * objects need no API discovery (which some API servers, the test server among them, do not serve).
 * Their content stays generic: the operator reads only the few fields it needs, whatever Velero
 * version wrote them.
 */
package org.researchclouds.operator.velero;
