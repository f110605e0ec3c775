/**
 * Demo and reference data loaded when {@code conference-ops.demo-data=true}: the ministerial editions since 2016 and
 * the delegations of the three reference editions. Idempotent: deterministic ids, insert-if-absent.
 */
@NullMarked
package org.conferenceops.registration.demo;

import org.jspecify.annotations.NullMarked;
