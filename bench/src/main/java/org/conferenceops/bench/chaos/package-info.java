/**
 * The resilience suite behind {@code ./conference-ops chaos}: Kafka, MongoDB and each service as separate OS
 * processes, load over HTTP, one fault per scenario, then the invariants read back from the services' APIs, the
 * Kafka topics and the SMTP inbox.
 */
@NullMarked
package org.conferenceops.bench.chaos;

import org.jspecify.annotations.NullMarked;
