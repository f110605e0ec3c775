package org.conferenceops.notification.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.delivery.MessageDetails;
import org.conferenceops.notification.delivery.Route;
import org.conferenceops.notification.templates.MessageTemplates;
import org.conferenceops.notification.templates.RenderedMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes what session messages say per recipient: the session's time in the recipient's zone and at the venue, the
 * list of changes (before → after) in the recipient's language, and the iCalendar file. Phrases come from
 * {@code notifications/session-phrases.<language>.properties}.
 */
@Component
class SessionMessages implements MessageDetails {

    static final String CHANGED = "session-changed";
    static final String CANCELLED = "session-cancelled";
    static final String SEAT_CONFIRMED = "seat-confirmed";
    static final String SEAT_WAITLISTED = "seat-waitlisted";
    static final String SEAT_PROMOTED = "seat-promoted";
    static final String REMINDER = "session-reminder";
    private static final Set<String> KINDS = Set.of(CHANGED, CANCELLED, SEAT_CONFIRMED, SEAT_WAITLISTED,
            SEAT_PROMOTED, REMINDER);

    static final String SESSION = "session";
    static final String TITLE = "title";
    static final String CONFERENCE = "conference";
    static final String TRACK = "track";
    static final String STARTS_AT = "startsAt";
    static final String ENDS_AT = "endsAt";
    static final String TIME_ZONE = "timeZone";
    static final String ROOM = "room";
    static final String MODE = "mode";
    static final String LINK = "link";
    static final String ICAL_STATUS = "icalStatus";
    static final String CHANGE_VERSION = "changeVersion";
    static final String CHANGE_COUNT = "changeCount";
    static final String ATTENDANCE = "attendance";
    static final String POSITION = "position";
    static final String REASON = "reason";

    private static final String PHRASES = "session-phrases";

    private final MessageTemplates templates;
    private final SessionCalendar calendar;

    SessionMessages(MessageTemplates templates, SessionCalendar calendar) {
        this.templates = templates;
        this.calendar = calendar;
    }

    @Override
    public boolean covers(String kind) {
        return KINDS.contains(kind);
    }

    @Override
    public Map<String, String> values(String kind, Map<String, String> values, Route route, UnLanguage language) {
        Map<String, String> added = new HashMap<>();
        ZoneId venue = ZoneId.of(values.getOrDefault(TIME_ZONE, "UTC"));
        Instant startsAt = instant(values.get(STARTS_AT));
        Instant endsAt = instant(values.get(ENDS_AT));
        added.put("when", startsAt == null || endsAt == null ? phrase(language, "when.unknown", Map.of())
                : when(language, startsAt, endsAt, route.zone(), venue));
        if (values.containsKey(ATTENDANCE)) {
            added.put("attendanceName", phrase(language, "attendance." + values.get(ATTENDANCE), Map.of()));
        }
        if (kind.equals(SEAT_WAITLISTED)) {
            added.put("waitlistReason", phrase(language, "waitlist." + values.getOrDefault(REASON, "UNKNOWN"),
                    Map.of()));
        }
        if (kind.equals(CHANGED)) {
            added.put("changes", changes(values, language, route.zone(), venue));
        }
        return added;
    }

    @Override
    public List<RenderedMessage.Attachment> attachments(String kind, Map<String, String> values, Route route) {
        Instant startsAt = instant(values.get(STARTS_AT));
        Instant endsAt = instant(values.get(ENDS_AT));
        if (startsAt == null || endsAt == null) {
            return List.of();
        }
        return List.of(calendar.attachment(values.get(SESSION), values.get(TITLE), values.get(TRACK), startsAt,
                endsAt, values.getOrDefault(TIME_ZONE, "UTC"), values.get(ROOM), values.get(LINK),
                values.getOrDefault(ICAL_STATUS, "CONFIRMED"),
                Integer.parseInt(values.getOrDefault(CHANGE_VERSION, "0"))));
    }

    /** The session's time in the recipient's zone, and at the venue when that is another zone. */
    private String when(UnLanguage language, Instant startsAt, Instant endsAt, ZoneId own, ZoneId venue) {
        String mine = phrase(language, "when", Map.of("from", time(language, startsAt, own), "to",
                endTime(language, startsAt, endsAt, own), "zone", name(own)));
        if (sameOffsets(own, venue, startsAt)) {
            return mine;
        }
        return mine + "; " + phrase(language, "when.venue", Map.of("from", time(language, startsAt, venue), "to",
                endTime(language, startsAt, endsAt, venue), "zone", name(venue)));
    }

    /** One line per change, in the recipient's language and zone (and the venue's for times). */
    private String changes(Map<String, String> values, UnLanguage language, ZoneId own, ZoneId venue) {
        int count = Integer.parseInt(values.getOrDefault(CHANGE_COUNT, "0"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = "change_" + i + "_";
            String type = values.get(prefix + "type");
            String before = values.get(prefix + "before");
            String after = values.get(prefix + "after");
            switch (ChangeNote.Type.valueOf(type)) {
                case RESCHEDULED -> {
                    lines.add("• " + phrase(language, "change.RESCHEDULED", Map.of("zone", name(own),
                            "before", interval(language, before, own), "after", interval(language, after, own))));
                    if (!sameOffsets(own, venue, start(after))) {
                        lines.add("  " + phrase(language, "change.RESCHEDULED.venue", Map.of("zone", name(venue),
                                "before", interval(language, before, venue), "after",
                                interval(language, after, venue))));
                    }
                }
                case MOVED -> lines.add("• " + phrase(language, "change.MOVED", Map.of(
                        "before", before != null ? before : phrase(language, "room.none", Map.of()),
                        "after", after != null ? after : phrase(language, "room.none", Map.of()))));
                case MODE -> {
                    lines.add("• " + phrase(language, "change.MODE", Map.of(
                            "before", phrase(language, "mode." + before, Map.of()),
                            "after", phrase(language, "mode." + after, Map.of()))));
                    String link = values.get(prefix + "link");
                    if (link != null) {
                        lines.add("  " + phrase(language, "change.LINK", Map.of("link", link)));
                    }
                }
                case CAPACITY -> lines.add("• " + phrase(language, "change.CAPACITY."
                        + values.getOrDefault(prefix + "attendance", "IN_PERSON"), Map.of(
                        "before", before != null ? before : "?", "after", after != null ? after : "?")));
            }
        }
        return String.join("\n", lines);
    }

    private String interval(UnLanguage language, @Nullable String encoded, ZoneId zone) {
        if (encoded == null || !encoded.contains("/")) {
            return "?";
        }
        Instant from = Instant.parse(encoded.substring(0, encoded.indexOf('/')));
        Instant to = Instant.parse(encoded.substring(encoded.indexOf('/') + 1));
        return time(language, from, zone) + " – " + endTime(language, from, to, zone);
    }

    private static Instant start(@Nullable String encoded) {
        return encoded == null || !encoded.contains("/") ? Instant.EPOCH
                : Instant.parse(encoded.substring(0, encoded.indexOf('/')));
    }

    private String phrase(UnLanguage language, String key, Map<String, String> values) {
        return templates.phrase(PHRASES, language, key, values);
    }

    private static String time(UnLanguage language, Instant at, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale(language)).format(at.atZone(zone));
    }

    /** The end: its time alone on the same day, date and time otherwise. */
    private static String endTime(UnLanguage language, Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        LocalDate day = from.toLocalDate();
        return day.equals(to.toLocalDate())
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(language)).format(to)
                : time(language, end, zone);
    }

    private static boolean sameOffsets(ZoneId a, ZoneId b, Instant at) {
        return a.getRules().getOffset(at).equals(b.getRules().getOffset(at));
    }

    /** The zone as people read it: {@code UTC} rather than {@code Z}. */
    private static String name(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static Locale locale(UnLanguage language) {
        return language == UnLanguage.UNKNOWN ? Locale.ENGLISH : Locale.forLanguageTag(language.code());
    }

    private static @Nullable Instant instant(@Nullable String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
