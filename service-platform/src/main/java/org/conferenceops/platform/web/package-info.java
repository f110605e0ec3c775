/**
 * The HTTP edge every service shares: RFC 9457 problem details for every refusal, correlation ids and request size
 * limits.
 */
@NullMarked
package org.conferenceops.platform.web;

import org.jspecify.annotations.NullMarked;
