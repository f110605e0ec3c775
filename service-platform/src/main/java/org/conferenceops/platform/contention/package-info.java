/** Retrying commands that lost an optimistic-locking race against independent requests on a shared document. */
@NullMarked
package org.conferenceops.platform.contention;

import org.jspecify.annotations.NullMarked;
