/**
 * The service's own read model of who can be told things, and how, built from registration events.
 */
@NullMarked
package org.conferenceops.notification.recipients;

import org.jspecify.annotations.NullMarked;
