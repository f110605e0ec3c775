/**
 * Live tallies of a conference and of a session: pledges by category and by state, new units, personnel; derived
 * from the current state of every pledge, so exact whatever order changes arrived in.
 */
@NullMarked
package org.conferenceops.pledge.tallies;

import org.jspecify.annotations.NullMarked;
