/**
 * The session-service.
 */
@NullMarked
package org.conferenceops.session;

import org.jspecify.annotations.NullMarked;
