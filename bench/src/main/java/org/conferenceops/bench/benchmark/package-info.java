/**
 * Load benchmarks against a running stack from a separate JVM: in-run ceilings (Kafka's own tools, a trivial HTTP
 * endpoint), registration throughput and end-to-end notification latency, the booking rush, door check-in and the
 * session-change fan-out, written to {@code bench/results}.
 */
@NullMarked
package org.conferenceops.bench.benchmark;

import org.jspecify.annotations.NullMarked;
