/**
 * Demo data for the local stack ({@code conference-ops.demo-data=true}): UN capability requirements and Seoul 2021
 * pledges, created through the same use cases as real requests and idempotently, so restarts add nothing twice.
 */
@NullMarked
package org.conferenceops.pledge.demo;

import org.jspecify.annotations.NullMarked;
