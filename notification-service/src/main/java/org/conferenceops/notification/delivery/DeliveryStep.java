package org.conferenceops.notification.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a notification's delivery log.
 *
 * @param at     when
 * @param status the status it reached
 * @param detail why (failure reason, deferral end), never personal data
 */
public record DeliveryStep(Instant at, NotificationStatus status, @Nullable String detail) {
}
