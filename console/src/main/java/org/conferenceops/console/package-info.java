/**
 * The console: a server-rendered web UI over the four services' APIs, for organisers and delegates.
 */
@NullMarked
package org.conferenceops.console;

import org.jspecify.annotations.NullMarked;
