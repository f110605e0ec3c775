/**
 * The programme of a conference: meetings, rooms and sessions, scheduling conflicts and schedule changes.
 */
@NullMarked
package org.conferenceops.session.programme;

import org.jspecify.annotations.NullMarked;
