/**
 * Which delegates may book: the accredited ones, known from registration events and forgotten on withdrawal or
 * erasure (whose seats are then released).
 */
@NullMarked
package org.conferenceops.session.accreditation;

import org.jspecify.annotations.NullMarked;
