package org.conferenceops.notification.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.events.Topics;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.registration.DelegateUpdated;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SeatConfirmed;
import org.conferenceops.events.session.SeatReleased;
import org.conferenceops.events.session.SeatWaitlisted;
import org.conferenceops.events.session.ReleaseReason;
import org.conferenceops.events.session.SessionCancelled;
import org.conferenceops.events.session.SessionCapacityChanged;
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.events.session.SessionModeChanged;
import org.conferenceops.events.session.SessionMoved;
import org.conferenceops.events.session.SessionRescheduled;
import org.conferenceops.events.session.SessionScheduled;
import org.conferenceops.events.session.WaitlistPromoted;
import org.conferenceops.events.session.WaitlistReason;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.infra.mail.InboxMessage;
import org.conferenceops.notification.MailFaults;
import org.conferenceops.notification.NotificationServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Session events from Kafka, published as session-service publishes them, reach the booked delegates through the
 * inbox: changes coalesced into one message, cancellations at once, seat news, reminders once, calendars attached.
 */
class SessionNotificationsIT extends NotificationServiceIT {

    private static final String SESSION_SERVICE = "session-service";
    private static final String CONFERENCE = "berlin-2025";

    @Autowired
    SessionRosters rosters;
    @Autowired
    SessionSchedules schedules;

    @Test
    void threeChangesInsideTheWindowReachEachBookedDelegateAsOneMessageListingAllThreeAndARedeliverySendsNothing()
            throws Exception {
        String session = "ses-" + UUID.randomUUID();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String english = delegate(UnLanguage.ENGLISH, "America/New_York");
        String french = delegate(UnLanguage.FRENCH, null);
        String arabic = delegate(UnLanguage.ARABIC, "Asia/Riyadh");
        scheduled(session, start, "room-a");
        seat(session, english, true);
        seat(session, french, true);
        seat(session, arabic, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(english).contains("Your seat at Protection of "
                + "civilians is confirmed") && !subjects(french).isEmpty() && subjects(arabic).stream()
                .anyMatch(s -> s.contains("قائمة الانتظار")));

        SessionRescheduled rescheduled = new SessionRescheduled(session, CONFERENCE, 2, start, start.plusSeconds(5400),
                start.plusSeconds(7200), start.plusSeconds(12600), Instant.now());
        String rescheduledId = UUID.randomUUID().toString();
        publish(rescheduledId, rescheduled, 2);
        String movedId = UUID.randomUUID().toString();
        SessionMoved moved = new SessionMoved(session, CONFERENCE, 3, "room-a", "room-b", 120, 80, Instant.now());
        publish(movedId, moved, 3);
        publish(movedId, moved, 3);
        publish(UUID.randomUUID().toString(), new SessionModeChanged(session, CONFERENCE, 4, SessionMode.IN_PERSON,
                SessionMode.HYBRID, null, "https://meet.example.org/s1", Instant.now()), 4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(List.of(subjects(english),
                subjects(french), subjects(arabic))).allSatisfy(s -> assertThat(s).hasSize(3)));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            assertThat(changed(english)).hasSize(1);
            assertThat(changed(french)).hasSize(1);
            assertThat(changed(arabic)).hasSize(1);
        });
        InboxMessage toEnglish = changed(english).getFirst();
        assertThat(toEnglish.subject()).isEqualTo("Changed: Protection of civilians");
        assertThat(toEnglish.textBody()).contains("Time (America/New_York):").contains("Venue time (Europe/Berlin):")
                .contains("Room: room-a → room-b").contains("Format: in person → hybrid (in person and online)")
                .contains("https://meet.example.org/s1");
        InboxMessage toFrench = changed(french).getFirst();
        assertThat(toFrench.language()).isEqualTo("fr");
        assertThat(toFrench.textBody()).contains("Horaire (UTC)").contains("Salle : room-a → room-b")
                .contains("Format : en présentiel → hybride");
        InboxMessage toArabic = changed(arabic).getFirst();
        assertThat(toArabic.language()).isEqualTo("ar");
        assertThat(toArabic.htmlBody()).contains("dir=\"rtl\"").contains("القاعة: room-a &larr; room-b");
        assertThat(toArabic.textBody()).contains("القاعة: room-a ← room-b").contains("(Asia/Riyadh)");

        VEvent event = calendarOf(english, "Changed:").getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(session + "@conference-ops");
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(4);
        assertThat(event.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        assertThat(event.getLocation().getValue()).isEqualTo("room-b");
        VEvent tentative = calendarOf(arabic, "تغيير").getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(tentative.getStatus().getValue()).isEqualTo("TENTATIVE");
        assertThat(calendarOf(english, "Changed:").getComponents("VTIMEZONE")).hasSize(1)
                .first().isInstanceOf(VTimeZone.class);

        publish(rescheduledId, rescheduled, 2);
        publish(movedId, moved, 3);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).untilAsserted(() ->
                assertThat(changed(english)).as("a redelivered change is not told again").hasSize(1));
        assertThat(get("/api/notifications?sessionId=" + session + "&kind=session-changed",
                TokenRequest.organizer()).body()).contains("\"total\":6");
    }

    @Test
    void aCancellationGoesAtOnceInsideAnOpenWindowAndDuringQuietHoursAndThePendingChangeIsNotSent()
            throws Exception {
        String session = "ses-" + UUID.randomUUID();
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String delegate = delegate(UnLanguage.ENGLISH, null);
        scheduled(session, start, "room-c");
        seat(session, delegate, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(delegate).size() == 2);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        assertThat(send("PUT", "/api/delegates/" + delegate + "/preferences", TokenRequest.delegate(delegation(
                delegate), delegate), """
                {"channels":["EMAIL"],"timeZone":"UTC","quietHours":{"from":"%s","to":"%s"}}""".formatted(
                hhmm(now.minusHours(1)), hhmm(now.plusHours(2)))).statusCode()).isEqualTo(200);

        publish(UUID.randomUUID().toString(), new SessionRescheduled(session, CONFERENCE, 2, start,
                start.plusSeconds(3600), start.plusSeconds(1800), start.plusSeconds(5400), Instant.now()), 2);
        Instant cancelledAt = Instant.now();
        publish(UUID.randomUUID().toString(), new SessionCancelled(session, CONFERENCE, 3,
                "the minister's travel was cancelled", Instant.now()), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(delegate).contains(
                "Cancelled: Protection of civilians"));
        assertThat(Duration.between(cancelledAt, Instant.now())).as("sooner than the 3 s window")
                .isLessThan(Duration.ofSeconds(3));
        InboxMessage cancelled = infra.mail().messagesTo(address(delegate)).stream()
                .filter(m -> "Cancelled: Protection of civilians".equals(m.subject())).findFirst().orElseThrow();
        assertThat(cancelled.textBody()).contains("the minister's travel was cancelled");
        VEvent event = calendarOf(delegate, "Cancelled:").getComponent("VEVENT").map(VEvent.class::cast)
                .orElseThrow();
        assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(3);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).untilAsserted(() ->
                assertThat(subjects(delegate)).as("no change message after the cancellation").hasSize(3));
    }

    @Test
    void seatsAreToldAndKeepTheRosterWaitlistedWithPositionPromotedAndReleasedOff() throws Exception {
        String session = "ses-" + UUID.randomUUID();
        String delegate = delegate(UnLanguage.SPANISH, "America/Mexico_City");
        scheduled(session, Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), "room-d");
        String booking = session + "~" + delegate;
        publish(UUID.randomUUID().toString(), new SeatWaitlisted(booking, session, CONFERENCE, delegate,
                delegation(delegate), Attendance.IN_PERSON, 4, WaitlistReason.SESSION_FULL, Instant.now()), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(delegate).contains(
                "Ocupa el puesto 4 en la lista de espera de Protection of civilians"));
        assertThat(rosters.delegateIds(session)).containsExactly(delegate);
        var broadcast = send("POST", "/api/conferences/" + CONFERENCE + "/broadcasts", TokenRequest.organizer(), """
                {"audience":{"sessionId":"%s"},"subject":{"en":"Room note"},"body":{"en":"Bring your badge."}}""".formatted(
                session));
        assertThat(broadcast.statusCode()).isEqualTo(202);
        assertThat(broadcast.body()).contains("\"recipients\":1");

        publish(UUID.randomUUID().toString(), new WaitlistPromoted(booking, session, CONFERENCE, delegate,
                delegation(delegate), Attendance.IN_PERSON, Instant.now()), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(delegate).contains(
                "Tiene plaza: Protection of civilians"));
        InboxMessage promoted = infra.mail().messagesTo(address(delegate)).stream()
                .filter(m -> "Tiene plaza: Protection of civilians".equals(m.subject())).findFirst().orElseThrow();
        assertThat(promoted.textBody()).contains("America/Mexico_City").contains("Europe/Berlin");

        publish(UUID.randomUUID().toString(), new SeatReleased(booking, session, CONFERENCE, delegate,
                delegation(delegate), Attendance.IN_PERSON, true, ReleaseReason.CANCELLED_BY_DELEGATE, Instant.now()),
                3);
        await().atMost(Duration.ofSeconds(30)).until(() -> rosters.delegateIds(session).isEmpty());
        publish(UUID.randomUUID().toString(), new SeatConfirmed(booking, session, CONFERENCE, delegate,
                delegation(delegate), Attendance.IN_PERSON, Instant.now()), 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(rosters.delegateIds(session)).as("a stale seat event changes nothing").isEmpty();
            assertThat(subjects(delegate)).as("registration, waitlisted, broadcast, promoted").hasSize(4);
        });
    }

    @Test
    void aDisabledKindOfChangeSendsNothingWhileAnEnabledOneStillGoesAndListsOnlyItself() throws Exception {
        // session-capacity-changed is switched off in the test configuration (NotificationServiceIT)
        String session = "ses-" + UUID.randomUUID();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String waiting = delegate(UnLanguage.ENGLISH, null);
        scheduled(session, start, "room-g");
        seat(session, waiting, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(waiting).size() == 2);

        publish(UUID.randomUUID().toString(), new SessionCapacityChanged(session, CONFERENCE, 2, Attendance.IN_PERSON,
                120, 150, Instant.now()), 2);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).untilAsserted(() ->
                assertThat(changed(waiting)).as("a disabled kind sends nothing").isEmpty());

        publish(UUID.randomUUID().toString(), new SessionRescheduled(session, CONFERENCE, 3, start,
                start.plusSeconds(5400), start.plusSeconds(3600), start.plusSeconds(9000), Instant.now()), 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changed(waiting)).hasSize(1));
        assertThat(changed(waiting).getFirst().textBody()).contains("Time (UTC):").doesNotContain("places:");
        assertThat(schedules.find(session).startsAt()).as("the schedule is kept whatever the rule")
                .isEqualTo(start.plusSeconds(3600));
    }

    @Test
    void aReminderGoesOnceInTheDelegatesZoneAndNoneForACancelledSession() throws Exception {
        String session = "ses-" + UUID.randomUUID();
        String cancelled = "ses-" + UUID.randomUUID();
        String delegate = delegate(UnLanguage.ENGLISH, "Asia/Tokyo");
        Instant soon = Instant.now().plus(10, ChronoUnit.MINUTES);
        scheduled(cancelled, soon, "room-f");
        publish(UUID.randomUUID().toString(), new SessionCancelled(cancelled, CONFERENCE, 2, "merged", Instant.now()),
                2);
        await().atMost(Duration.ofSeconds(30)).until(() -> schedules.find(cancelled).cancelled());
        seat(cancelled, delegate, true);
        scheduled(session, soon, "room-e");
        seat(session, delegate, true);

        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(delegate).contains(
                "Reminder: Protection of civilians"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                assertThat(subjects(delegate).stream().filter(s -> s.startsWith("Reminder:")).toList())
                        .as("the 15-minute reminder once, no 24-hour one this late, none for the cancelled session")
                        .hasSize(1));
        InboxMessage reminder = infra.mail().messagesTo(address(delegate)).stream()
                .filter(m -> "Reminder: Protection of civilians".equals(m.subject())).findFirst().orElseThrow();
        assertThat(reminder.textBody()).contains("(Asia/Tokyo)").contains("venue time");
        assertThat(get("/api/notifications?sessionId=" + cancelled + "&kind=session-reminder",
                TokenRequest.organizer()).body()).contains("\"total\":0");
    }

    private void scheduled(String session, Instant start, String room) throws Exception {
        publish(UUID.randomUUID().toString(), new SessionScheduled(session, CONFERENCE, "ministerial",
                "protection of civilians", "Protection of civilians", room, SessionMode.IN_PERSON, null, start,
                start.plusSeconds(5400), "Europe/Berlin", 120, 0, Instant.now()), 1);
    }

    private void seat(String session, String delegate, boolean confirmed) throws Exception {
        String booking = session + "~" + delegate;
        IntegrationEvent event = confirmed
                ? new SeatConfirmed(booking, session, CONFERENCE, delegate, delegation(delegate), Attendance.IN_PERSON,
                        Instant.now())
                : new SeatWaitlisted(booking, session, CONFERENCE, delegate, delegation(delegate),
                        Attendance.IN_PERSON, 3, WaitlistReason.SESSION_FULL, Instant.now());
        publish(UUID.randomUUID().toString(), event, 1);
    }

    private String delegate(UnLanguage language, String zone) throws Exception {
        String id = "dlg-" + UUID.randomUUID();
        publish(Topics.REGISTRATION, "registration-service", UUID.randomUUID().toString(), new DelegateRegistered(id,
                CONFERENCE, delegation(id), "Lena", "Schmidt", address(id), language, Instant.now()), 1);
        if (zone != null) {
            publish(Topics.REGISTRATION, "registration-service", UUID.randomUUID().toString(), new DelegateUpdated(id,
                    CONFERENCE, delegation(id), "Lena", "Schmidt", address(id), language, zone, Instant.now()), 2);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(address(id)).isEmpty());
        return id;
    }

    private void publish(String eventId, IntegrationEvent event, long version) throws Exception {
        publish(Topics.SESSION, SESSION_SERVICE, eventId, event, version);
    }

    private List<String> subjects(String delegate) {
        return infra.mail().messagesTo(address(delegate)).stream().map(InboxMessage::subject).toList();
    }

    private List<InboxMessage> changed(String delegate) {
        return infra.mail().messagesTo(address(delegate)).stream()
                .filter(m -> m.subject() != null && (m.subject().startsWith("Changed:")
                        || m.subject().startsWith("Modification") || m.subject().startsWith("تغيير"))).toList();
    }

    private static Calendar calendarOf(String delegate, String subjectStart) throws Exception {
        MimeMessage message = MailFaults.sentTo(address(delegate)).stream()
                .filter(m -> subject(m).startsWith(subjectStart)).findFirst().orElseThrow();
        String ics = calendarPart(message);
        assertThat(ics).as("an iCalendar attachment").isNotNull();
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            assertThat(part.getContentType()).contains("method=PUBLISH");
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = calendarPart(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String delegation(String delegateId) {
        return "berlin-2025-DEU-" + delegateId.substring(4, 12);
    }

    private static String address(String delegateId) {
        return delegateId + "@example.org";
    }

    private static String hhmm(LocalTime time) {
        return "%02d:%02d".formatted(time.getHour(), time.getMinute());
    }
}
