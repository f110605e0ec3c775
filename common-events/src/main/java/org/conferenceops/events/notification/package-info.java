/**
 * Events published by notification-service on topic {@code conference-ops.notification}, keyed by notification id.
 */
@NullMarked
package org.conferenceops.events.notification;

import org.jspecify.annotations.NullMarked;
