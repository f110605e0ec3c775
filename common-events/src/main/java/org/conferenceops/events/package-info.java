/**
 * The contracts between Conference Ops services: versioned integration events, the CloudEvents envelope they
 * travel in, and the catalogue mapping each frozen (type, version) to its record. No Spring, no Kafka.
 */
@NullMarked
package org.conferenceops.events;

import org.jspecify.annotations.NullMarked;
