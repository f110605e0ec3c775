package org.conferenceops.registration.checkin;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.ProblemException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.registration.badges.BadgeClaims;
import org.conferenceops.registration.badges.BadgeSigner;
import org.conferenceops.registration.conferences.Conference;
import org.conferenceops.registration.conferences.Conferences;
import org.conferenceops.registration.delegates.Badge;
import org.conferenceops.registration.delegates.Delegate;
import org.conferenceops.registration.delegates.DelegateRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Verifies scanned badges and records entries; answers the live counts. */
@Service
public class CheckInDesk {

    /** Counter of first entries of a day, by conference and entrance (Prometheus {@code registration_checkins_total}). */
    static final String CHECKINS = "registration.checkins";

    private final BadgeSigner signer;
    private final DelegateRepository delegates;
    private final CheckInRepository checkIns;
    private final Conferences conferences;
    private final EventOutbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    CheckInDesk(BadgeSigner signer, DelegateRepository delegates, CheckInRepository checkIns, Conferences conferences,
            EventOutbox outbox, MeterRegistry meters, Clock clock) {
        this.signer = signer;
        this.delegates = delegates;
        this.checkIns = checkIns;
        this.conferences = conferences;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * One scan: the badge must verify, belong to this conference, be known and valid, and the scan fall on a
     * conference day at one of its entrances; otherwise a 422 problem names the rule.
     *
     * @param scannedAt when the scanner read the badge; now when null
     */
    ScanOutcome scan(String conferenceId, String qr, String entrance, @Nullable String deviceId,
            @Nullable Instant scannedAt) {
        Conference conference = conferences.require(conferenceId);
        Instant at = scannedAt != null ? scannedAt : clock.instant();
        BadgeClaims claims = signer.verify(qr).orElseThrow(() -> refusal("invalid-badge", "qr",
                "the QR code is not a badge signed by this service (damaged, altered or forged)"));
        if (!claims.conferenceId().equals(conferenceId)) {
            throw refusal("wrong-conference", "qr", "the badge is for " + claims.conferenceId() + ", not " + conferenceId);
        }
        if (!conference.entrances().contains(entrance)) {
            throw refusal("unknown-entrance", "entrance", "must be one of " + String.join(", ", conference.entrances()));
        }
        ZonedDateTime local = at.atZone(conference.zone());
        LocalDate day = local.toLocalDate();
        if (!conference.isConferenceDay(day)) {
            throw refusal("not-a-conference-day", "scannedAt", day + " is not a day of " + conferenceId);
        }
        Delegate holder = delegates.findByBadgeBadgeId(claims.badgeId())
                .orElseThrow(() -> refusal("unknown-badge", "qr", "no delegate holds this badge"));
        Badge badge = holder.badge().orElseThrow();
        if (!badge.badgeId().equals(claims.badgeId()) || !badge.valid()) {
            throw refusal("badge-revoked", "qr", "the badge was revoked"
                    + (badge.revocationReason() != null ? ": " + badge.revocationReason() : ""));
        }
        String name = holder.profile().givenName() + " " + holder.profile().familyName();
        Optional<CheckIn> first = checkIns.findById(CheckIn.idOf(badge.badgeId(), day.toString()));
        if (first.isEmpty()) {
            CheckIn.Recorded recorded = CheckIn.record(conferenceId, holder.id(), holder.delegationId(),
                    badge.badgeId(), day.toString(), local.getHour(), entrance, deviceId, at, clock.instant());
            try {
                CheckIn saved = outbox.save(recorded.checkIn(), recorded.events());
                meters.counter(CHECKINS, "conference", conferenceId, "entrance", saved.entrance()).increment();
                return new ScanOutcome(ScanOutcome.Outcome.ADMITTED, null, holder.id(), name, holder.category(),
                        saved.entrance(), saved.scannedAt(), saved.deviceId());
            }
            catch (DuplicateKeyException e) {
                // another door recorded this badge between our read and our write
                first = checkIns.findById(recorded.checkIn().id());
            }
        }
        CheckIn existing = first.orElseThrow();
        return new ScanOutcome(ScanOutcome.Outcome.ALREADY_INSIDE, "already inside since " + existing.scannedAt()
                + " (" + existing.entrance() + ")", holder.id(), name, holder.category(), existing.entrance(),
                existing.scannedAt(), existing.deviceId());
    }

    /** An offline scanner's batch: each scan answered on its own, refusals included, in the order sent. */
    List<ScanOutcome> batch(String conferenceId, @Nullable String deviceId, List<CheckInController.Scan> scans) {
        conferences.require(conferenceId);
        List<ScanOutcome> outcomes = new ArrayList<>(scans.size());
        for (CheckInController.Scan scan : scans) {
            try {
                outcomes.add(scan(conferenceId, scan.qr(), scan.entrance(), deviceId, scan.scannedAt()));
            }
            catch (RuleViolationException e) {
                outcomes.add(new ScanOutcome(ScanOutcome.Outcome.REFUSED, e.rule() + ": " + e.detail(), null, null,
                        null, null, null, null));
            }
        }
        return outcomes;
    }

    /** Default window of the per-minute series. */
    static final Duration MINUTE_WINDOW = Duration.ofMinutes(60);

    /** Longest per-minute window one request may ask for, so that the dense series stays small. */
    static final Duration MAX_MINUTE_WINDOW = Duration.ofHours(24);

    /**
     * The entries of a day by entrance and by hour and, when {@code perMinute}, also the first entries recorded
     * since {@code since} (the last {@link #MINUTE_WINDOW} when null) by entrance and by minute.
     */
    Counts counts(String conferenceId, @Nullable LocalDate day, boolean perMinute, @Nullable Instant since) {
        Conference conference = conferences.require(conferenceId);
        LocalDate which = day != null ? day : clock.instant().atZone(conference.zone()).toLocalDate();
        Map<String, Long> byEntrance = new TreeMap<>();
        Map<Integer, Long> byHour = new TreeMap<>();
        List<CheckIn> all = checkIns.findByConferenceIdAndDay(conferenceId, which.toString());
        for (CheckIn checkIn : all) {
            byEntrance.merge(checkIn.entrance(), 1L, Long::sum);
            byHour.merge(checkIn.hour(), 1L, Long::sum);
        }
        if (!perMinute) {
            return new Counts(conferenceId, which.toString(), all.size(), byEntrance, byHour, null, null);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = (since != null ? since : clock.instant().minus(MINUTE_WINDOW)).truncatedTo(ChronoUnit.MINUTES);
        if (from.isBefore(now.minus(MAX_MINUTE_WINDOW))) {
            throw refusal("window-too-long", "since", "the per-minute series covers at most "
                    + MAX_MINUTE_WINDOW.toHours() + " hours");
        }
        return new Counts(conferenceId, which.toString(), all.size(), byEntrance, byHour,
                byMinute(conference, from, now), from);
    }

    /** Every minute from {@code from} to {@code to} for every entrance, zeros included, so gaps show as gaps. */
    private Map<String, Map<String, Long>> byMinute(Conference conference, Instant from, Instant to) {
        Map<String, Map<String, Long>> series = new TreeMap<>();
        for (String entrance : conference.entrances()) {
            series.put(entrance, emptyMinutes(from, to));
        }
        for (CheckIn checkIn : checkIns.findByConferenceIdAndScannedAtGreaterThanEqual(conference.id(), from)) {
            String minute = checkIn.scannedAt().truncatedTo(ChronoUnit.MINUTES).toString();
            Map<String, Long> minutes = series.computeIfAbsent(checkIn.entrance(), e -> emptyMinutes(from, to));
            if (minutes.containsKey(minute)) {
                minutes.merge(minute, 1L, Long::sum);
            }
        }
        return series;
    }

    private static Map<String, Long> emptyMinutes(Instant from, Instant to) {
        Map<String, Long> minutes = new LinkedHashMap<>();
        for (Instant minute = from; !minute.isAfter(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            minutes.put(minute.toString(), 0L);
        }
        return minutes;
    }

    /** The entries of a delegate, for their data export. */
    public List<Entry> entriesOf(String delegateId) {
        return checkIns.findByDelegateIdOrderByScannedAtAsc(delegateId).stream()
                .map(c -> new Entry(c.day(), c.entrance(), c.scannedAt())).toList();
    }

    /** One recorded entry. */
    public record Entry(String day, String entrance, Instant scannedAt) {
    }

    /**
     * Entries of one conference day.
     *
     * @param byHour hour of the day in the conference's zone (0–23) → entries first recorded in it
     * @param byMinute only with {@code resolution=minute}: entrance → minute (UTC instant, e.g.
     *        {@code 2026-11-22T14:05:00Z}, oldest first, every minute from {@code since} to now) → first entries of
     *        the day scanned in it
     * @param since only with {@code resolution=minute}: the first minute of {@code byMinute}
     */
    record Counts(String conferenceId, String day, long total, Map<String, Long> byEntrance, Map<Integer, Long> byHour,
            @Nullable Map<String, Map<String, Long>> byMinute, @Nullable Instant since) {
    }

    private static ProblemException refusal(String rule, String field, String message) {
        return new RuleViolationException(rule, message, List.of(new FieldViolation(field, rule, message)));
    }
}
