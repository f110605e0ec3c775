/**
 * Organiser broadcasts: one message, written in one or more UN languages, fanned out to a filtered audience.
 */
@NullMarked
package org.conferenceops.notification.broadcasts;

import org.jspecify.annotations.NullMarked;
