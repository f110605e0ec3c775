/**
 * Secret keys of the service: taken from configuration, or generated once and kept in the service's database as a
 * local default for development and demos.
 */
@NullMarked
package org.conferenceops.registration.keys;

import org.jspecify.annotations.NullMarked;
