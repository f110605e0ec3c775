/**
 * Correlation and causation ids carried by the current thread, from HTTP requests and consumed events into the
 * events raised and every log line.
 */
@NullMarked
package org.conferenceops.platform.correlation;

import org.jspecify.annotations.NullMarked;
