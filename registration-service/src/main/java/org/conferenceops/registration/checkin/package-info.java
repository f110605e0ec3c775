/**
 * Door check-in: verifying signed badges, recording one entry per badge and conference day (repeat scans are
 * idempotent), offline scanner batches with cross-device duplicate detection, and live counts.
 */
@NullMarked
package org.conferenceops.registration.checkin;

import org.jspecify.annotations.NullMarked;
