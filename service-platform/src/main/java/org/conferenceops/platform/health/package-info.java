/**
 * Health contributors that work on every MongoDB the platform runs on, the embedded wire-protocol server included.
 */
@NullMarked
package org.conferenceops.platform.health;

import org.jspecify.annotations.NullMarked;
