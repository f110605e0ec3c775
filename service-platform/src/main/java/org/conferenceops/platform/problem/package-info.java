/**
 * Exceptions an application service throws to give the client a clear RFC 9457 answer instead of a 500.
 */
@NullMarked
package org.conferenceops.platform.problem;

import org.jspecify.annotations.NullMarked;
