/**
 * A single-node Apache Kafka broker in KRaft combined mode, run in-process from the Apache jars.
 */
@NullMarked
package org.conferenceops.infra.kafka;

import org.jspecify.annotations.NullMarked;
