package org.conferenceops.notification.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings.
 *
 * @param allowHttp      accept plain-HTTP endpoint URLs (local mode only; production requires HTTPS)
 * @param timeout        connect and response timeout of one delivery
 * @param suspendAfter   consecutive failed attempts that suspend a subscription
 * @param probeOnCreate  try to reach a new endpoint and warn (not refuse) when it cannot be reached
 */
@ConfigurationProperties("conference-ops.notifications.webhooks")
record WebhookSettings(@DefaultValue("false") boolean allowHttp, @DefaultValue("5s") Duration timeout,
        @DefaultValue("10") int suspendAfter, @DefaultValue("true") boolean probeOnCreate) {
}
