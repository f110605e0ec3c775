/**
 * Text messages through an SMS provider behind an interface; the shipped implementation calls a provider's HTTP API.
 */
@NullMarked
package org.conferenceops.notification.sms;

import org.jspecify.annotations.NullMarked;
