/**
 * The pledge-service.
 */
@NullMarked
package org.conferenceops.pledge;

import org.jspecify.annotations.NullMarked;
