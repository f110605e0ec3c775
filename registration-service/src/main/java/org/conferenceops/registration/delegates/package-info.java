/**
 * Registering delegates for a conference. (A first slice; accreditation, badges and check-in follow in their own
 * features.)
 */
@NullMarked
package org.conferenceops.registration.delegates;

import org.jspecify.annotations.NullMarked;
