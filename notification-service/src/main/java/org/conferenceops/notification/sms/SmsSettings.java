package org.conferenceops.notification.sms;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP SMS provider.
 *
 * @param url      the provider's send endpoint; none disables SMS (deliveries fail visibly)
 * @param apiKey   sent as a bearer token
 * @param sender   the sender id shown to recipients
 * @param timeout  connect and response timeout
 * @param maxChars texts are cut to this length (an ellipsis marks the cut)
 */
@ConfigurationProperties("conference-ops.notifications.sms")
record SmsSettings(@Nullable URI url, @DefaultValue("") String apiKey, @DefaultValue("ConfOps") String sender,
        @DefaultValue("5s") Duration timeout, @DefaultValue("306") int maxChars) {
}
