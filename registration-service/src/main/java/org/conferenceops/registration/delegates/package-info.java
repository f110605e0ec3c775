/**
 * Delegates: registration by focal points (one at a time and in bulk, idempotently), profiles with an encrypted
 * identity document, changes, substitution, withdrawal, and the organisers' queries.
 */
@NullMarked
package org.conferenceops.registration.delegates;

import org.jspecify.annotations.NullMarked;
