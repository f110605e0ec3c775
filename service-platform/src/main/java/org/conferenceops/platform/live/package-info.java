/**
 * Live fan-in for open screens: every replica receives every event of chosen topics, so a server-sent-event stream
 * served by any replica moves the moment an event is published, whichever replica raised it.
 */
@NullMarked
package org.conferenceops.platform.live;

import org.jspecify.annotations.NullMarked;
