/**
 * Webhooks for organisations' own systems: subscriptions per delegation with a secret, deliveries signed per the
 * Standard Webhooks scheme, retried with back-off, and suspended (owner told) when they keep failing.
 */
@NullMarked
package org.conferenceops.notification.webhooks;

import org.jspecify.annotations.NullMarked;
