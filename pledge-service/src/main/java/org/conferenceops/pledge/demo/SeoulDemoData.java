package org.conferenceops.pledge.demo;

import static org.conferenceops.events.pledge.CapabilityMeasure.EQUIPMENT_ITEMS;
import static org.conferenceops.events.pledge.CapabilityMeasure.PERSONNEL;
import static org.conferenceops.events.pledge.CapabilityMeasure.UNITS;
import static org.conferenceops.events.pledge.PledgeStatus.ANNOUNCED;
import static org.conferenceops.events.pledge.PledgeStatus.LEVEL_2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PartyRole;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.conferenceops.pledge.pledging.A4pArea;
import org.conferenceops.pledge.pledging.OfferRequest;
import org.conferenceops.pledge.pledging.OfferRequest.EquipmentRequest;
import org.conferenceops.pledge.pledging.OfferRequest.MoneyRequest;
import org.conferenceops.pledge.pledging.Pledge;
import org.conferenceops.pledge.pledging.PledgeIntake;
import org.conferenceops.pledge.pledging.SubmitPledgeRequest;
import org.conferenceops.pledge.pledging.SubmitPledgeRequest.PartyRequest;
import org.conferenceops.pledge.requirements.CapabilityGap;
import org.conferenceops.pledge.requirements.DefineRequirementRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds what the UN asked for before Seoul 2021 (helicopters, quick-reaction forces, ISR, hospitals, engineers,
 * police, training) and a realistic slice of what states pledged there: one state pledging 12 utility helicopters,
 * a joint helicopter unit with a donor of helicopters, a contributing country and a funding country, medical,
 * training, women-in-peacekeeping and financial pledges. Figures are illustrative, not the UN's records. Pledges go
 * through {@link PledgeIntake} with fixed idempotency keys, so a restart finds them and changes nothing.
 */
@Component
@ConditionalOnBooleanProperty("conference-ops.demo-data")
class SeoulDemoData {

    private static final Logger log = LoggerFactory.getLogger(SeoulDemoData.class);
    private static final String CONFERENCE = "seoul-2021";
    private static final String SESSION = "seoul-2021-ministerial-1";
    private static final String SOURCE = "UN uniformed capability requirements ahead of Seoul 2021 (illustrative)";
    private static final CurrentUser ORGANIZER = new CurrentUser("demo-data", Set.of(Role.ORGANIZER), null, null);

    private final CapabilityGap gap;
    private final PledgeIntake intake;

    SeoulDemoData(CapabilityGap gap, PledgeIntake intake) {
        this.gap = gap;
        this.intake = intake;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        requirement("req-utility-helicopter-units", "Utility helicopter units",
                PledgeCategory.UTILITY_HELICOPTER_UNIT, UNITS, 6, ANNOUNCED);
        requirement("req-utility-helicopters", "Utility helicopters (airframes)",
                PledgeCategory.UTILITY_HELICOPTER_UNIT, EQUIPMENT_ITEMS, 36, ANNOUNCED);
        requirement("req-armed-helicopter-units", "Armed helicopter units",
                PledgeCategory.ARMED_HELICOPTER_UNIT, UNITS, 3, ANNOUNCED);
        requirement("req-quick-reaction-companies", "Company-level quick-reaction forces",
                PledgeCategory.QUICK_REACTION_FORCE, UNITS, 4, ANNOUNCED);
        requirement("req-isr-units", "Ground and aerial ISR units", PledgeCategory.ISR_UNIT, UNITS, 3, LEVEL_2);
        requirement("req-level-ii-hospitals", "Level II hospitals",
                PledgeCategory.LEVEL_II_HOSPITAL, UNITS, 3, ANNOUNCED);
        requirement("req-engineering-companies", "Engineering companies",
                PledgeCategory.ENGINEERING_COMPANY, UNITS, 5, ANNOUNCED);
        requirement("req-formed-police-units", "Formed police units",
                PledgeCategory.FORMED_POLICE_UNIT, UNITS, 6, ANNOUNCED);
        requirement("req-aeromedical-evacuation", "Aeromedical evacuation teams",
                PledgeCategory.AEROMEDICAL_EVACUATION_TEAM, UNITS, 4, ANNOUNCED);
        requirement("req-training-trainers", "Mobile training team trainers",
                PledgeCategory.TRAINING_AND_CAPACITY_BUILDING, PERSONNEL, 200, ANNOUNCED);

        pledge("kor-utility-helicopters", "KOR", PledgeCategory.UTILITY_HELICOPTER_UNIT, 1, 140, 21,
                List.of(new EquipmentRequest("utility helicopter", 12)), List.of(),
                Set.of(A4pArea.SAFETY_AND_SECURITY),
                "A utility helicopter unit with 12 helicopters, deployable at the rapid deployment level.",
                UnLanguage.ENGLISH, List.of(),
                "Minister of National Defence", p -> { });
        pledge("gha-joint-helicopter-unit", "GHA", PledgeCategory.UTILITY_HELICOPTER_UNIT, 1, 110, 18,
                List.of(new EquipmentRequest("utility helicopter", 4)), List.of(), Set.of(A4pArea.PARTNERSHIPS),
                "Joint utility helicopter unit: Ghana contributes the unit, Norway donates the helicopters, the "
                        + "Netherlands funds deployment.", UnLanguage.ENGLISH,
                List.of(new PartyRequest("GHA", PartyRole.CONTRIBUTOR), new PartyRequest("NOR", PartyRole.PARTNER),
                        new PartyRequest("NLD", PartyRole.FUNDER)),
                "Minister of Defence", p -> intake.confirmParty(ORGANIZER, p.id(), "NOR"));
        pledge("rwa-level-ii-hospital", "RWA", PledgeCategory.LEVEL_II_HOSPITAL, 1, 70, 22, List.of(), List.of(),
                Set.of(A4pArea.PROTECTION), "Le Rwanda s'engage à fournir un hôpital de niveau II.",
                UnLanguage.FRENCH,
                List.of(), "Minister of Defence", p -> {
                    intake.accept(ORGANIZER, p.id());
                    intake.changeReadiness(ORGANIZER, p.id(), PledgeStatus.LEVEL_1, null);
                });
        pledge("bgd-quick-reaction-force", "BGD", PledgeCategory.QUICK_REACTION_FORCE, 1, 180, 15, List.of(),
                List.of(), Set.of(A4pArea.PROTECTION, A4pArea.PERFORMANCE_AND_ACCOUNTABILITY),
                "Quick reaction force company at the rapid deployment level.", UnLanguage.ENGLISH, List.of(),
                "Minister of Foreign Affairs", p -> {
                    intake.accept(ORGANIZER, p.id());
                    intake.changeReadiness(ORGANIZER, p.id(), PledgeStatus.LEVEL_1, null);
                    intake.changeReadiness(ORGANIZER, p.id(), PledgeStatus.LEVEL_2, LocalDate.of(2021, 10, 12));
                });
        pledge("idn-formed-police-unit", "IDN", PledgeCategory.FORMED_POLICE_UNIT, 1, 140, 40, List.of(), List.of(),
                Set.of(A4pArea.WOMEN_PEACE_AND_SECURITY), "Formed police unit with 40 women officers.",
                UnLanguage.ENGLISH, List.of(), "Minister of Foreign Affairs", p -> { });
        pledge("ury-engineering-company", "URY", PledgeCategory.ENGINEERING_COMPANY, 1, 150, 12, List.of(), List.of(),
                Set.of(), "Uruguay compromete una compañía de ingenieros.", UnLanguage.SPANISH, List.of(),
                "Minister of National Defence", p -> { });
        pledge("can-women-in-peacekeeping", "CAN", PledgeCategory.WOMEN_IN_PEACEKEEPING, 0, 0, 0, List.of(),
                List.of(new MoneyRequest(new BigDecimal("3000000.00"), "CAD", "Elsie Initiative Fund")),
                Set.of(A4pArea.WOMEN_PEACE_AND_SECURITY), "Support for the Elsie Initiative Fund.", UnLanguage.ENGLISH,
                List.of(), "Minister of National Defence", p -> { });
        pledge("jpn-training", "JPN", PledgeCategory.TRAINING_AND_CAPACITY_BUILDING, 0, 60, 9, List.of(), List.of(),
                Set.of(A4pArea.PARTNERSHIPS), "Engineering and medical trainers for the Triangular Partnership "
                        + "Programme.", UnLanguage.ENGLISH, List.of(), "Minister of Foreign Affairs", p -> { });
        pledge("deu-financial", "DEU", PledgeCategory.FINANCIAL, 0, 0, 0, List.of(),
                List.of(new MoneyRequest(new BigDecimal("5000000.00"), "EUR", "Peacebuilding Fund")),
                Set.of(A4pArea.PEACEBUILDING_AND_SUSTAINING_PEACE), "Financial contribution.", UnLanguage.ENGLISH,
                List.of(), "Minister of Foreign Affairs", p -> { });
        log.info("demo data: Seoul 2021 requirements and pledges are in place");
    }

    private void requirement(String id, String title, PledgeCategory category, CapabilityMeasure measure, int needed,
            PledgeStatus countingStatus) {
        try {
            gap.define(new DefineRequirementRequest(id, title, category, measure, needed, countingStatus, null,
                    SOURCE));
        }
        catch (ConflictException alreadySeeded) {
            // seeded by an earlier start
        }
    }

    private void pledge(String key, String state, PledgeCategory category, int units, int personnel, int women,
            List<EquipmentRequest> equipment, List<MoneyRequest> money, Set<A4pArea> areas, String description,
            UnLanguage language, List<PartyRequest> parties, String speaker, Consumer<Pledge> afterAnnouncement) {
        OfferRequest offer = new OfferRequest(category, units, personnel, women, equipment, money, areas, description,
                language);
        PledgeIntake.Submission submission;
        try {
            submission = intake.submit(ORGANIZER, CONFERENCE, "seed-" + key,
                    new SubmitPledgeRequest(state, offer, parties, false));
        }
        catch (ConflictException seededByAnEarlierVersion) {
            // the key is taken by this pledge as an earlier version of the seed wrote it: it is there, keep it
            return;
        }
        if (submission.replayed()) {
            return;
        }
        Pledge pledge = submission.pledge();
        intake.acknowledge(ORGANIZER, pledge.id());
        intake.recordPastAnnouncement(ORGANIZER, pledge.id(), SESSION, speaker(state, speaker));
        afterAnnouncement.accept(pledge);
    }

    private static String speaker(String state, @Nullable String office) {
        return office == null ? state : office + " (" + state + ")";
    }
}
