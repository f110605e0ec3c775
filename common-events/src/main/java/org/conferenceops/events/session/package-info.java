/**
 * Events published by session-service on topic {@code conference-ops.session}: programme events keyed by session id,
 * seat events keyed by booking id.
 */
@NullMarked
package org.conferenceops.events.session;

import org.jspecify.annotations.NullMarked;
