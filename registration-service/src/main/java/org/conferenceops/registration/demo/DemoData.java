package org.conferenceops.registration.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.registration.conferences.AttendanceMode;
import org.conferenceops.registration.conferences.ConferenceRequest;
import org.conferenceops.registration.conferences.Conferences;
import org.conferenceops.registration.delegations.Delegation;
import org.conferenceops.registration.delegations.Delegations;
import org.conferenceops.registration.delegations.RegisterDelegationRequest;
import org.conferenceops.registration.reference.State;
import org.conferenceops.registration.reference.States;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the editions (London 2016, Vancouver 2017, New York 2019 as history; Seoul 2021, Accra 2023, Berlin 2025 as
 * reference editions) and, for the reference editions, a delegation for every UN member state and observer state and
 * the usual organisations. The reference editions have no registration window so the flows can be tried on them;
 * the historic ones have their (closed) windows.
 */
@Component
@ConditionalOnProperty(name = "conference-ops.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");
    private static final List<String[]> ORGANISATIONS = List.of(new String[] { "EU", "European Union" },
            new String[] { "AU", "African Union" }, new String[] { "NATO", "North Atlantic Treaty Organization" },
            new String[] { "OIF", "Organisation internationale de la Francophonie" },
            new String[] { "UN", "United Nations Secretariat" });

    private final Conferences conferences;
    private final Delegations delegations;
    private final States states;

    DemoData(Conferences conferences, Delegations delegations, States states) {
        this.conferences = conferences;
        this.delegations = delegations;
        this.states = states;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (ConferenceRequest edition : editions()) {
            created += conferences.createIfAbsent(edition) ? 1 : 0;
        }
        int seeded = 0;
        for (String conferenceId : List.of("seoul-2021", "accra-2023", "berlin-2025")) {
            Set<String> existing = new HashSet<>(delegations.idsOf(conferenceId));
            for (State state : states.memberStates()) {
                seeded += seed(existing, conferenceId, DelegationKind.MEMBER_STATE, state.code(), null);
            }
            for (String code : List.of("VAT", "PSE")) {
                seeded += seed(existing, conferenceId, DelegationKind.OBSERVER_STATE, code, null);
            }
            for (String[] organisation : ORGANISATIONS) {
                seeded += seed(existing, conferenceId, DelegationKind.ORGANISATION, organisation[0], organisation[1]);
            }
        }
        log.info("Demo data: {} conferences and {} delegations added (existing ones kept)", created, seeded);
    }

    private int seed(Set<String> existing, String conferenceId, DelegationKind kind, String code,
            @Nullable String name) {
        if (existing.contains(Delegation.idOf(conferenceId, code))) {
            return 0;
        }
        delegations.registerIfAbsent(conferenceId, new RegisterDelegationRequest(kind, code, name, null));
        return 1;
    }

    static List<ConferenceRequest> editions() {
        return List.of(
                history("london-2016", "UN Peacekeeping Defence Ministerial, London 2016", "London", "GBR",
                        LocalDate.of(2016, 9, 8), LocalDate.of(2016, 9, 8), "Europe/London", "Lancaster House"),
                history("vancouver-2017", "UN Peacekeeping Defence Ministerial, Vancouver 2017", "Vancouver", "CAN",
                        LocalDate.of(2017, 11, 14), LocalDate.of(2017, 11, 15), "America/Vancouver",
                        "Vancouver Convention Centre"),
                history("new-york-2019", "UN Peacekeeping Ministerial, New York 2019", "New York", "USA",
                        LocalDate.of(2019, 3, 29), LocalDate.of(2019, 3, 29), "America/New_York",
                        "United Nations Headquarters"),
                reference("seoul-2021", "UN Peacekeeping Ministerial, Seoul 2021", "Seoul", "KOR",
                        LocalDate.of(2021, 12, 7), LocalDate.of(2021, 12, 8), "Asia/Seoul", AttendanceMode.VIRTUAL,
                        null),
                reference("accra-2023", "UN Peacekeeping Ministerial, Accra 2023", "Accra", "GHA",
                        LocalDate.of(2023, 12, 5), LocalDate.of(2023, 12, 6), "Africa/Accra", AttendanceMode.IN_PERSON,
                        "Accra International Conference Centre"),
                reference("berlin-2025", "UN Peacekeeping Ministerial, Berlin 2025", "Berlin", "DEU",
                        LocalDate.of(2025, 5, 13), LocalDate.of(2025, 5, 14), "Europe/Berlin", AttendanceMode.IN_PERSON,
                        null));
    }

    private static ConferenceRequest history(String id, String name, String city, String country, LocalDate start,
            LocalDate end, String zone, String venue) {
        Instant closes = start.minusDays(7).atStartOfDay(ZoneId.of(zone)).toInstant();
        Instant opens = start.minusDays(90).atStartOfDay(ZoneId.of(zone)).toInstant();
        return new ConferenceRequest(id, name, city, country, start, end, zone, AttendanceMode.IN_PERSON, venue,
                LANGUAGES, null, null, opens, closes, List.of("main"));
    }

    private static ConferenceRequest reference(String id, String name, String city, String country, LocalDate start,
            LocalDate end, String zone, AttendanceMode mode, @Nullable String venue) {
        return new ConferenceRequest(id, name, city, country, start, end, zone, mode, venue, LANGUAGES, null, null,
                null, null, mode == AttendanceMode.VIRTUAL ? List.of("virtual") : List.of("north-gate", "south-gate"));
    }
}
