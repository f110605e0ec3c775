/**
 * Events published by pledge-service on topic {@code conference-ops.pledge}: pledges keyed by pledge id, capability
 * gaps keyed by requirement id.
 */
@NullMarked
package org.conferenceops.events.pledge;

import org.jspecify.annotations.NullMarked;
