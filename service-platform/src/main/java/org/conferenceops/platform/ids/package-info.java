/**
 * Random identifiers (events, correlation flows, aggregates) drawn without a lock shared by every thread.
 */
@NullMarked
package org.conferenceops.platform.ids;

import org.jspecify.annotations.NullMarked;
