/**
 * Capability requirements as the UN publishes them, their coverage by pledges at or above the status that counts,
 * and the remaining gap: recomputed whenever a pledge changes, published as {@code CapabilityGapChanged}, served as
 * JSON, CSV and a live server-sent-event stream.
 */
@NullMarked
package org.conferenceops.pledge.requirements;

import org.jspecify.annotations.NullMarked;
