/**
 * Notifications and their delivery: one notification per (event, recipient, channel), rendered in the recipient's
 * language, handed to its channel, with every outcome recorded and published.
 */
@NullMarked
package org.conferenceops.notification.delivery;

import org.jspecify.annotations.NullMarked;
