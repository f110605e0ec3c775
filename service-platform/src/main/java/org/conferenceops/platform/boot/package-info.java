/**
 * How a Conference Ops service boots: its name, its own configuration file, and the platform's defaults.
 */
@NullMarked
package org.conferenceops.platform.boot;

import org.jspecify.annotations.NullMarked;
