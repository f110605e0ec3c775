package org.conferenceops.session.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.conferenceops.events.session.SessionMode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the Seoul 2021 programme (four tracks, 7–8 Dec 2021, Asia/Seoul) and the Accra 2023 meetings (preparatory
 * meetings in Dhaka, online, Islamabad and Kigali, then the ministerial on 5–6 Dec 2023) when
 * {@code conference-ops.demo-data=true}. Ids are stable, so seeding again changes nothing. The preparatory meetings'
 * dates are illustrative.
 */
@Component
@ConditionalOnProperty(name = "conference-ops.demo-data", havingValue = "true")
class DemoProgramme implements ApplicationRunner {

    private final Programme programme;
    private final MeetingRepository meetings;
    private final RoomRepository rooms;
    private final SessionRepository sessions;

    DemoProgramme(Programme programme, MeetingRepository meetings, RoomRepository rooms, SessionRepository sessions) {
        this.programme = programme;
        this.meetings = meetings;
        this.rooms = rooms;
        this.sessions = sessions;
    }

    @Override
    public void run(ApplicationArguments args) {
        seoul2021();
        accra2023();
    }

    private void seoul2021() {
        String conference = "seoul-2021";
        meeting("seoul-2021-ministerial", conference, "UN Peacekeeping Ministerial", "Seoul", SessionMode.HYBRID,
                "2021-12-07", "2021-12-08", "Asia/Seoul");
        room("seoul-2021-plenary", conference, "Plenary hall", 800);
        room("seoul-2021-room-2", conference, "Conference room 2", 300);
        List<String> tracks = List.of("sustaining peace", "partnerships, training and capacity-building",
                "performance and accountability", "protection of civilians, safety and security");
        for (int i = 0; i < tracks.size(); i++) {
            String day = i < 2 ? "2021-12-07" : "2021-12-08";
            String start = i % 2 == 0 ? "T09:30" : "T14:00";
            String end = i % 2 == 0 ? "T12:30" : "T17:00";
            session("seoul-2021-track-" + (i + 1), conference, "seoul-2021-ministerial", tracks.get(i),
                    capitalised(tracks.get(i)), "co-chair-" + (i + 1), "seoul-2021-plenary", SessionMode.HYBRID,
                    "https://meet.example.org/seoul-2021-track-" + (i + 1), day + start, day + end, "Asia/Seoul");
        }
    }

    private void accra2023() {
        String conference = "accra-2023";
        record Prep(String id, String title, @Nullable String city, SessionMode mode, String day, String zone) {
        }
        List<Prep> preparatory = List.of(
                new Prep("accra-2023-dhaka", "Preparatory meeting: training and capacity-building", "Dhaka",
                        SessionMode.IN_PERSON, "2023-06-14", "Asia/Dhaka"),
                new Prep("accra-2023-virtual", "Preparatory meeting: strategic communications", null,
                        SessionMode.VIRTUAL, "2023-07-12", "UTC"),
                new Prep("accra-2023-islamabad", "Preparatory meeting: protection of civilians and safety", "Islamabad",
                        SessionMode.IN_PERSON, "2023-09-20", "Asia/Karachi"),
                new Prep("accra-2023-kigali", "Preparatory meeting: women, peace and security", "Kigali",
                        SessionMode.IN_PERSON, "2023-10-18", "Africa/Kigali"));
        for (Prep prep : preparatory) {
            meeting(prep.id(), conference, prep.title(), prep.city(), prep.mode(), prep.day(), prep.day(), prep.zone());
            String room = prep.mode() == SessionMode.VIRTUAL ? null : prep.id() + "-hall";
            if (room != null) {
                room(room, conference, prep.city() + " hall", 200);
            }
            session(prep.id() + "-plenary", conference, prep.id(), "preparatory", prep.title(), "chair-" + prep.id(),
                    room, prep.mode(), prep.mode() == SessionMode.VIRTUAL ? "https://meet.example.org/" + prep.id()
                            : null, prep.day() + "T10:00", prep.day() + "T16:00", prep.zone());
        }
        meeting("accra-2023-ministerial", conference, "UN Peacekeeping Ministerial", "Accra", SessionMode.HYBRID,
                "2023-12-05", "2023-12-06", "Africa/Accra");
        room("accra-2023-plenary", conference, "Plenary hall", 700);
        session("accra-2023-opening", conference, "accra-2023-ministerial", "plenary", "Opening plenary",
                "co-chair-ghana", "accra-2023-plenary", SessionMode.HYBRID, "https://meet.example.org/accra-2023",
                "2023-12-05T09:00", "2023-12-05T12:00", "Africa/Accra");
        session("accra-2023-pledging", conference, "accra-2023-ministerial", "pledging", "Pledging segment",
                "co-chair-ghana", "accra-2023-plenary", SessionMode.HYBRID, "https://meet.example.org/accra-2023",
                "2023-12-06T09:00", "2023-12-06T13:00", "Africa/Accra");
    }

    private void meeting(String id, String conference, String title, @Nullable String city, SessionMode mode,
            String first, String last, String zone) {
        if (!meetings.existsById(id)) {
            meetings.insert(new Meeting(id, conference, title, city, mode, LocalDate.parse(first),
                    LocalDate.parse(last), zone));
        }
    }

    private void room(String id, String conference, String name, int capacity) {
        if (!rooms.existsById(id)) {
            rooms.insert(new Room(id, conference, name, capacity));
        }
    }

    private void session(String id, String conference, String meeting, String track, String title, String chair,
            @Nullable String room, SessionMode mode, @Nullable String link, String localStart, String localEnd,
            String zone) {
        if (sessions.existsById(id)) {
            return;
        }
        programme.schedule(id, conference, new ProgrammeRequests.ScheduleSession(meeting, track, title,
                List.of(chair), room, mode, link, at(localStart, zone), at(localEnd, zone), null,
                mode == SessionMode.IN_PERSON ? 0 : 1000));
    }

    private static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
