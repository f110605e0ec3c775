/**
 * Conferences (editions): dates, time zone, venue or virtual mode, working languages, the delegation size rule,
 * accreditation categories, the registration window and the venue's entrances.
 */
@NullMarked
package org.conferenceops.registration.conferences;

import org.jspecify.annotations.NullMarked;
