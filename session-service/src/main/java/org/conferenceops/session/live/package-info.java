/**
 * Live changes for open screens: server-sent event streams of a delegate's agenda changes and of a conference's
 * programme changes, fed on every replica by the platform's live listener on session-service's own topic.
 */
@NullMarked
package org.conferenceops.session.live;

import org.jspecify.annotations.NullMarked;
