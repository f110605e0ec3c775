/**
 * The live feed of a delegate: their own notifications pushed as server-sent events to the connections they opened.
 */
@NullMarked
package org.conferenceops.notification.feed;

import org.jspecify.annotations.NullMarked;
