/**
 * Events published by registration-service on topic {@code conference-ops.registration}, keyed by the id of the
 * aggregate they concern.
 */
@NullMarked
package org.conferenceops.events.registration;

import org.jspecify.annotations.NullMarked;
