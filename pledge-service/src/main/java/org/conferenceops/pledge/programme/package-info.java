/**
 * The sessions of each conference and their speakers lists, as session-service announced them: the read model that
 * links a pledge's announcement to a real pledge-announcement slot.
 */
@NullMarked
package org.conferenceops.pledge.programme;

import org.jspecify.annotations.NullMarked;
