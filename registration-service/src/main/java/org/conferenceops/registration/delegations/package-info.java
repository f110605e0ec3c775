/**
 * Delegations: one per member state, observer state or organisation per conference, with their focal point and the
 * seats that enforce the conference's size rule.
 */
@NullMarked
package org.conferenceops.registration.delegations;

import org.jspecify.annotations.NullMarked;
