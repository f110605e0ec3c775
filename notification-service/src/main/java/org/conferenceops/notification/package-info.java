/**
 * The notification-service.
 */
@NullMarked
package org.conferenceops.notification;

import org.jspecify.annotations.NullMarked;
