package org.conferenceops.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A notification as its delivery log shows it. Addresses are shown to organisers only, and never once erased. */
record NotificationView(String id, String sourceEventId, String kind, String recipientId, @Nullable String delegateId,
        @Nullable String delegationId, @Nullable String sessionId, String channel, String status, boolean finalFailure,
        boolean urgent, @Nullable String language, boolean languageFallback, int attempts, Instant createdAt,
        @Nullable Instant sentAt, @Nullable Instant nextAttemptAt, @Nullable String lastError,
        @Nullable String address, boolean addressErased, List<DeliveryStep> history) {

    static NotificationView of(Notification n, boolean showAddress) {
        return new NotificationView(n.id(), n.sourceEventId(), n.kind(), n.recipientId(), n.delegateId(),
                n.delegationId(), n.sessionId(), n.channel().name(), n.status().name(), n.finalFailure(), n.urgent(),
                n.language() == null ? null : n.language().code(), n.languageFallback(), n.attempts(), n.createdAt(),
                n.sentAt(), n.settled() ? null : n.notBefore(), n.lastError(), showAddress ? n.address() : null,
                n.addressErased(), n.history());
    }

    /** One page of the log. */
    record Page(List<NotificationView> items, int page, int size, long total) {
    }
}
