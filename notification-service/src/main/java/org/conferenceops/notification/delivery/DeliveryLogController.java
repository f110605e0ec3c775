package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.conferenceops.notification.recipients.Directory;
import org.conferenceops.notification.recipients.Recipient;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log: organisers query every notification (by delegate, delegation, session, source event, kind,
 * channel, status; newest first, paged); a delegate, or their focal point, sees the delegate's own.
 */
@RestController
@Validated
class DeliveryLogController {

    private final MongoTemplate mongo;
    private final NotificationRepository notifications;
    private final Directory directory;
    private final EventOutbox outbox;
    private final Clock clock;

    DeliveryLogController(MongoTemplate mongo, NotificationRepository notifications, Directory directory,
            EventOutbox outbox, Clock clock) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping("/api/notifications")
    @PreAuthorize("hasAnyRole('ORGANIZER', 'OPS')")
    NotificationView.Page search(@RequestParam(required = false) @Nullable String delegateId,
            @RequestParam(required = false) @Nullable String delegationId,
            @RequestParam(required = false) @Nullable String sessionId,
            @RequestParam(required = false) @Nullable String sourceEventId,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<Criteria> filters = new ArrayList<>();
        addIfGiven(filters, "delegateId", delegateId);
        addIfGiven(filters, "delegationId", delegationId);
        addIfGiven(filters, "sessionId", sessionId);
        addIfGiven(filters, "sourceEventId", sourceEventId);
        addIfGiven(filters, "kind", kind);
        addIfGiven(filters, "channel", enumName("channel", channel, org.conferenceops.events.notification.Channel.class));
        addIfGiven(filters, "status", enumName("status", status, NotificationStatus.class));
        return page(filters, page, size, true);
    }

    @GetMapping("/api/delegates/{delegateId}/notifications")
    NotificationView.Page ofDelegate(@PathVariable String delegateId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, CurrentUser caller) {
        Recipient recipient = directory.delegate(delegateId)
                .filter(r -> caller.mayActForDelegate(r.delegateId(), r.delegationId()))
                .orElseThrow(() -> new NotFoundException("delegate", delegateId));
        return page(List.of(Criteria.where("delegateId").is(recipient.delegateId())), page, size,
                caller.isOrganizer());
    }

    @GetMapping("/api/notifications/{notificationId}")
    NotificationView one(@PathVariable String notificationId, CurrentUser caller) {
        Notification notification = notifications.findById(notificationId)
                .filter(n -> caller.isOrganizer() || caller.has(Role.OPS) || n.delegateId() != null
                        && caller.mayActForDelegate(n.delegateId(), String.valueOf(n.delegationId())))
                .orElseThrow(() -> new NotFoundException("notification", notificationId));
        return NotificationView.of(notification, caller.isOrganizer());
    }

    record BounceRequest(@NotBlank String reason) {
    }

    /** Records a bounce reported by the receiving side (e.g. a delivery-status notification), for the log. */
    @PostMapping("/api/notifications/{notificationId}/bounces")
    @PreAuthorize("hasAnyRole('ORGANIZER', 'OPS')")
    NotificationView bounce(@PathVariable String notificationId, @Valid @RequestBody BounceRequest request) {
        Notification notification = notifications.findById(notificationId)
                .orElseThrow(() -> new NotFoundException("notification", notificationId));
        outbox.save(notification, notification.bounced(request.reason(), clock.instant()));
        return NotificationView.of(notification, true);
    }

    private NotificationView.Page page(List<Criteria> filters, int page, int size, boolean showAddress) {
        Query query = filters.isEmpty() ? new Query()
                : Query.query(new Criteria().andOperator(filters.toArray(Criteria[]::new)));
        long total = mongo.count(query, Notification.class);
        query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        List<NotificationView> items = mongo.find(query, Notification.class).stream()
                .map(n -> NotificationView.of(n, showAddress)).toList();
        return new NotificationView.Page(items, page, size, total);
    }

    private static void addIfGiven(List<Criteria> filters, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Criteria.where(field).is(value));
        }
    }

    private static <E extends Enum<E>> @Nullable String enumName(String parameter, @Nullable String value,
            Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant.name();
            }
        }
        throw new RuleViolationException("unknown-" + parameter, new FieldViolation(parameter, "unknown-value",
                "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
    }
}
