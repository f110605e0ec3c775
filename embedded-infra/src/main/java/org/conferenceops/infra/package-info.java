/**
 * Real infrastructure servers that run inside a JVM on loopback, for the local stack and for tests.
 */
@NullMarked
package org.conferenceops.infra;

import org.jspecify.annotations.NullMarked;
