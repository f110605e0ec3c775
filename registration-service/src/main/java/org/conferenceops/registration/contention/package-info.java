/** Retrying commands that lost an optimistic-locking race against independent requests on a shared document. */
@NullMarked
package org.conferenceops.registration.contention;

import org.jspecify.annotations.NullMarked;
