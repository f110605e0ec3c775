/**
 * Drives a running Conference Ops stack from outside over its public HTTP APIs: the stack's addresses, tokens from
 * its dev issuer, and a small JSON client shared by the simulator and the benchmarks.
 */
@NullMarked
package org.conferenceops.bench;

import org.jspecify.annotations.NullMarked;
