/**
 * The organisers' pages: live dashboard, accreditation queue, programme changes, broadcasts and the delivery log.
 */
@NullMarked
package org.conferenceops.console.organiser;

import org.jspecify.annotations.NullMarked;
