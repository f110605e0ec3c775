/**
 * A ministerial in a box: plays a UN Peacekeeping Ministerial against a running stack through its HTTP APIs and
 * cross-checks every service's state against what it did.
 */
@NullMarked
package org.conferenceops.bench.simulation;

import org.jspecify.annotations.NullMarked;
