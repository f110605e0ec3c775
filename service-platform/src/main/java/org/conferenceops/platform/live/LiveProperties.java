package org.conferenceops.platform.live;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live stream.
 *
 * @param topics           the topics every replica follows; none switches the live stream off
 * @param pollTimeout      the longest a poll waits for records (also how quickly the stream stops)
 * @param discoveryInterval how often partitions are looked up again, so a topic created after start-up is followed
 */
@ConfigurationProperties("conference-ops.live")
public record LiveProperties(@DefaultValue List<String> topics, @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue("10s") Duration discoveryInterval) {
}
