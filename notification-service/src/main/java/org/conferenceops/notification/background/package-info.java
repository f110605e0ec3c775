/** Background threads of the service: the fan-out workers and session sweeps, started and stopped with the context. */
@NullMarked
package org.conferenceops.notification.background;

import org.jspecify.annotations.NullMarked;
