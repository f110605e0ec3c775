/**
 * Accreditation by organisers: documents on file, accredit or reject (with a reason), and the queue with filters and
 * counts.
 */
@NullMarked
package org.conferenceops.registration.accreditation;

import org.jspecify.annotations.NullMarked;
