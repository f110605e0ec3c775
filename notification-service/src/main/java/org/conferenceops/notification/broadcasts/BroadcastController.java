package org.conferenceops.notification.broadcasts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.delivery.FanOut;
import org.conferenceops.notification.delivery.FanOutRequest;
import org.conferenceops.notification.delivery.Target;
import org.conferenceops.notification.recipients.Directory;
import org.conferenceops.notification.recipients.RecipientStatus;
import org.conferenceops.notification.sessions.SessionRosters;
import org.conferenceops.platform.correlation.Correlation;
import org.conferenceops.platform.ids.RandomIds;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organiser tells a filtered audience of a conference something: all its delegates, one delegation, one
 * accreditation category, one standing, or those booked or waitlisted on one session (its roster), each filter
 * narrowing the others. The message is given per language; a recipient whose language is
 * missing gets the English text, counted and logged as a fallback. The audience is resolved when the broadcast is
 * accepted and fanned out by the workers.
 */
@RestController
class BroadcastController {

    private final Directory directory;
    private final FanOut fanOut;
    private final SessionRosters rosters;

    BroadcastController(Directory directory, FanOut fanOut, SessionRosters rosters) {
        this.directory = directory;
        this.fanOut = fanOut;
        this.rosters = rosters;
    }

    record Audience(@Nullable String delegationId, @Nullable String category, @Nullable String status,
            @Nullable String sessionId) {
    }

    record BroadcastRequest(@NotNull @Valid Audience audience, @NotEmpty Map<String, @NotBlank String> subject,
            @NotEmpty Map<String, @NotBlank String> body, @Nullable Boolean urgent) {
    }

    record Accepted(String broadcastId, int recipients) {
    }

    @PostMapping("/api/conferences/{conferenceId}/broadcasts")
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<Accepted> broadcast(@PathVariable String conferenceId,
            @Valid @RequestBody BroadcastRequest request) {
        if (!request.subject().containsKey("en") || !request.body().containsKey("en")) {
            throw new RuleViolationException("broadcast-english-required", new FieldViolation("subject",
                    "english-required", "subject and body need an English text, the visible fallback"));
        }
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("subject", "body")) {
            Map<String, String> texts = field.equals("subject") ? request.subject() : request.body();
            for (Map.Entry<String, String> text : texts.entrySet()) {
                if (UnLanguage.ofCode(text.getKey()) == UnLanguage.UNKNOWN) {
                    throw new RuleViolationException("not-a-un-language", new FieldViolation(field + "."
                            + text.getKey(), "not-a-un-language", "must be one of ar, zh, en, fr, ru, es"));
                }
                values.put(field + "_" + text.getKey().toLowerCase(), text.getValue());
            }
        }
        List<String> delegates = directory.delegateIds(conferenceId, request.audience().delegationId(),
                parse("audience.category", request.audience().category(), AccreditationCategory.class),
                parse("audience.status", request.audience().status(), RecipientStatus.class));
        String sessionId = request.audience().sessionId() == null || request.audience().sessionId().isBlank() ? null
                : request.audience().sessionId();
        if (sessionId != null) {
            Set<String> booked = Set.copyOf(rosters.delegateIds(sessionId));
            delegates = delegates.stream().filter(booked::contains).toList();
        }
        if (delegates.isEmpty()) {
            throw new RuleViolationException("broadcast-audience-empty", new FieldViolation("audience",
                    "no-recipients", "no delegate of " + conferenceId + " matches this audience"));
        }
        String broadcastId = "brd-" + RandomIds.next();
        fanOut.start(new FanOutRequest(broadcastId, Correlation.correlationId(), "broadcast", Boolean.TRUE.equals(request.urgent()),
                values, delegates.stream().map(Target::delegate).toList(), conferenceId,
                request.audience().delegationId(), sessionId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(broadcastId, delegates.size()));
    }

    private static <E extends Enum<E>> @Nullable E parse(String field, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new RuleViolationException("unknown-" + field, new FieldViolation(field, "unknown-value",
                "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
    }
}
