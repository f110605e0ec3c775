/**
 * The embedded outbox: events a command raises are stored inside the aggregate's own document in the same atomic
 * write, and a relay publishes them to Kafka in order per aggregate, clearing them only after the broker has
 * acknowledged them.
 */
@NullMarked
package org.conferenceops.platform.outbox;

import org.jspecify.annotations.NullMarked;
