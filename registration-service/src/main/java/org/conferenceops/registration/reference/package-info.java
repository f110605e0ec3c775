/**
 * Reference data shipped with the service: the 193 UN member states and the observer states, by ISO 3166-1
 * alpha-3 code.
 */
@NullMarked
package org.conferenceops.registration.reference;

import org.jspecify.annotations.NullMarked;
