/**
 * Inbound integration events: decoding, correlation, dispatch to typed handlers, poison handling and dead-letter
 * replay. Knows no feature; features contribute {@link org.conferenceops.platform.messaging.EventHandler}s.
 */
@NullMarked
package org.conferenceops.platform.messaging;

import org.jspecify.annotations.NullMarked;
