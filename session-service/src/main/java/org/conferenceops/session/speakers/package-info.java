/**
 * Speakers lists: one list per session, inscriptions by delegations' focal points, ordered by level of
 * representation and then time of request.
 */
@NullMarked
package org.conferenceops.session.speakers;

import org.jspecify.annotations.NullMarked;
