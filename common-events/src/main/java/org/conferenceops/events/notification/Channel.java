package org.conferenceops.events.notification;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The ways a notification reaches its recipient. {@link #UNKNOWN} is read for a channel this build does not know. */
public enum Channel {
    EMAIL, WEBHOOK, FEED, SMS, @JsonEnumDefaultValue UNKNOWN
}
