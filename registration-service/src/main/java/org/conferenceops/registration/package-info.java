/**
 * The registration-service.
 */
@NullMarked
package org.conferenceops.registration;

import org.jspecify.annotations.NullMarked;
