package org.conferenceops.pledge.pledging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.conferenceops.events.pledge.EquipmentQuantity;
import org.conferenceops.events.pledge.FinancialAmount;
import org.conferenceops.events.pledge.PartyRole;
import org.conferenceops.events.pledge.PledgeAccepted;
import org.conferenceops.events.pledge.PledgeAnnounced;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeParty;
import org.conferenceops.events.pledge.PledgePartyConfirmed;
import org.conferenceops.events.pledge.PledgeReadinessChanged;
import org.conferenceops.events.pledge.PledgeRenewalDue;
import org.conferenceops.events.pledge.PledgeRenewed;
import org.conferenceops.events.pledge.PledgeRevised;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.events.pledge.PledgeSubmitted;
import org.conferenceops.events.pledge.PledgeWithdrawn;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

/** Given a pledge in some state, when a command, then these events — or a refusal naming the state. */
class PledgeTest {

    private final Clock clock = Clock.fixed(Instant.parse("2021-12-07T09:40:00Z"), ZoneOffset.UTC);
    private final Instant now = clock.instant();

    @Test
    void submittingAPledgeRaisesPledgeSubmittedWithExactQuantities() {
        Pledge.Created created = create(helicopters(12), List.of(), false);

        assertThat(created.pledge().status()).isEqualTo(PledgeStatus.SUBMITTED);
        assertThat(created.events()).singleElement().isInstanceOfSatisfying(PledgeSubmitted.class, e -> {
            assertThat(e.memberState()).isEqualTo("KOR");
            assertThat(e.equipmentItems()).isEqualTo(12);
            assertThat(e.personnel()).isEqualTo(140);
            assertThat(e.womenPersonnel()).isEqualTo(21);
            assertThat(e.revision()).isEqualTo(1);
        });
        assertThat(created.pledge().history()).extracting(HistoryEntry::action).containsExactly("create", "submit");
    }

    @Test
    void theSubmittedEventCarriesTheEquipmentLinesExactMoneyAndEveryParty() {
        Offer funded = new Offer(PledgeCategory.UTILITY_HELICOPTER_UNIT, 1, 110, 18,
                List.of(new EquipmentItem("Mi-17 utility helicopter", 4)),
                List.of(new FinancialContribution(new BigDecimal("2500000.00"), "USD", "rotation costs")),
                Set.of(A4pArea.PARTNERSHIPS), "Joint unit", UnLanguage.ENGLISH);

        Pledge.Created created = create(funded, List.of(new Party("NLD", PartyRole.FUNDER, null)), false);

        assertThat(created.events()).singleElement().isInstanceOfSatisfying(PledgeSubmitted.class, e -> {
            assertThat(e.equipment()).containsExactly(new EquipmentQuantity("Mi-17 utility helicopter", 4));
            assertThat(e.financialContributions()).containsExactly(
                    new FinancialAmount(new BigDecimal("2500000.00"), "USD", "rotation costs"));
            assertThat(e.parties()).containsExactly(new PledgeParty("KOR", PartyRole.CONTRIBUTOR, true),
                    new PledgeParty("NLD", PartyRole.FUNDER, false));
            assertThat(e.partyCount()).isEqualTo(2);
        });
    }

    @Test
    void anAnnouncementNamesItsSpeakersListSlotInTheEvent() {
        Pledge pledge = create(helicopters(12), List.of(), false).pledge();
        pledge.acknowledge(now, "org");

        assertThat(pledge.announce("seoul-2021-pledging", "ins-7", "Suh Wook", "Minister of National Defence",
                "seoul-2021-KOR", now, "org")).singleElement().isInstanceOfSatisfying(PledgeAnnounced.class, e -> {
                    assertThat(e.inscriptionId()).isEqualTo("ins-7");
                    assertThat(e.speaker()).isEqualTo("Suh Wook");
                    assertThat(e.speakerTitle()).isEqualTo("Minister of National Defence");
                    assertThat(e.speakerDelegationId()).isEqualTo("seoul-2021-KOR");
                });
        assertThat(pledge.announcement()).isNotNull().extracting(Announcement::inscriptionId).isEqualTo("ins-7");
        assertThat(pledge.figures().announcedInSession()).isEqualTo("seoul-2021-pledging");
    }

    @Test
    void aDraftRaisesNothingUntilItIsSubmitted() {
        Pledge pledge = create(helicopters(12), List.of(), true).pledge();

        assertThat(pledge.status()).isEqualTo(PledgeStatus.DRAFT);
        assertThat(pledge.submit(now, "fp")).singleElement().isInstanceOf(PledgeSubmitted.class);
    }

    @Test
    void anIllegalTransitionIsRefusedNamingTheCurrentState() {
        Pledge pledge = create(helicopters(12), List.of(), false).pledge();

        assertThatThrownBy(() -> pledge.accept(Period.ofMonths(12), now, "org"))
                .isInstanceOf(IllegalStateTransitionException.class)
                .hasMessageContaining("SUBMITTED")
                .satisfies(e -> assertThat(((IllegalStateTransitionException) e).currentState()).isEqualTo("SUBMITTED"));
        assertThat(pledge.status()).isEqualTo(PledgeStatus.SUBMITTED);
    }

    @Test
    void readinessMovesOneLevelAtATimeAndLevelTwoNeedsTheAssessmentVisitDate() {
        Pledge pledge = accepted();
        pledge.changeReadiness(PledgeStatus.LEVEL_1, null, now, "org");

        assertThatThrownBy(() -> pledge.changeReadiness(PledgeStatus.LEVEL_3, null, now, "org"))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("LEVEL_1");
        assertThatThrownBy(() -> pledge.changeReadiness(PledgeStatus.LEVEL_2, null, now, "org"))
                .isInstanceOf(RuleViolationException.class);
        assertThat(pledge.changeReadiness(PledgeStatus.LEVEL_2, LocalDate.of(2021, 11, 30), now, "org"))
                .singleElement().isInstanceOfSatisfying(PledgeReadinessChanged.class, e -> {
                    assertThat(e.previousStatus()).isEqualTo(PledgeStatus.LEVEL_1);
                    assertThat(e.status()).isEqualTo(PledgeStatus.LEVEL_2);
                    assertThat(e.assessmentVisitDate()).isEqualTo("2021-11-30");
                });
        pledge.changeReadiness(PledgeStatus.LEVEL_3, null, now, "org");
        pledge.changeReadiness(PledgeStatus.RAPID_DEPLOYMENT, null, now, "org");
        pledge.deploy("UNMISS", now, "org");
        assertThat(pledge.status()).isEqualTo(PledgeStatus.DEPLOYED);
    }

    @Test
    void aUniformedCapabilityIsNotDeployedStraightFromAcceptance() {
        Pledge pledge = accepted();

        assertThatThrownBy(() -> pledge.deploy("MINUSCA", now, "org"))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("ACCEPTED");
    }

    @Test
    void aPledgeCanBeWithdrawnAtAnyPointButNothingHappensAfterwards() {
        Pledge pledge = accepted();

        assertThat(pledge.withdraw("national tasks", now, "fp")).singleElement()
                .isInstanceOfSatisfying(PledgeWithdrawn.class,
                        e -> assertThat(e.previousStatus()).isEqualTo(PledgeStatus.ACCEPTED));
        assertThat(pledge.renewalDueAt()).isNull();
        assertThatThrownBy(() -> pledge.withdraw("again", now, "fp"))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("WITHDRAWN");
        assertThatThrownBy(() -> pledge.revise(helicopters(2), now, "fp"))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("WITHDRAWN");
    }

    @Test
    void aCorrectionIsANewRevisionAndTheEarlierOneIsKept() {
        Pledge pledge = create(helicopters(12), List.of(), false).pledge();

        assertThat(pledge.revise(helicopters(14), now.plusSeconds(60), "fp")).singleElement()
                .isInstanceOfSatisfying(PledgeRevised.class, e -> {
                    assertThat(e.revision()).isEqualTo(2);
                    assertThat(e.equipmentItems()).isEqualTo(14);
                    assertThat(e.equipment()).containsExactly(new EquipmentQuantity("utility helicopter", 14));
                    assertThat(e.financialContributions()).isEmpty();
                });
        assertThat(pledge.revisions()).extracting(PledgeContent::equipmentItems).containsExactly(12, 14);
        assertThat(pledge.figures().equipmentItems()).isEqualTo(14);
    }

    @Test
    void eachPartyConfirmsOnceAndTheLastConfirmationCompletesThePledge() {
        Pledge pledge = create(helicopters(4), List.of(new Party("NOR", PartyRole.PARTNER, null),
                new Party("NLD", PartyRole.FUNDER, null)), false).pledge();
        assertThat(pledge.allPartiesConfirmed()).isFalse();

        assertThat(pledge.confirmParty("NOR", now, "fp-nor")).singleElement()
                .isInstanceOfSatisfying(PledgePartyConfirmed.class, e -> assertThat(e.allPartiesConfirmed()).isFalse());
        assertThat(pledge.confirmParty("NOR", now, "fp-nor")).isEmpty();
        assertThat(pledge.confirmParty("NLD", now, "fp-nld")).singleElement()
                .isInstanceOfSatisfying(PledgePartyConfirmed.class, e -> {
                    assertThat(e.allPartiesConfirmed()).isTrue();
                    assertThat(e.role()).isEqualTo(PartyRole.FUNDER);
                });
        assertThatThrownBy(() -> pledge.confirmParty("FRA", now, "fp-fra")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void renewalFallsDueTwelveMonthsAfterAcceptanceThenEverySixAndIsRaisedOncePerDueDate() {
        Pledge pledge = accepted();
        Instant firstDue = Instant.parse("2022-12-07T09:40:00Z");
        assertThat(pledge.renewalDueAt()).isEqualTo(firstDue);

        assertThat(pledge.raiseDueRenewals(Period.ofMonths(6), firstDue.minusSeconds(1), "sweep")).isEmpty();
        assertThat(pledge.raiseDueRenewals(Period.ofMonths(6), firstDue, "sweep")).singleElement()
                .isInstanceOfSatisfying(PledgeRenewalDue.class, e -> {
                    assertThat(e.renewalNumber()).isEqualTo(1);
                    assertThat(e.dueAt()).isEqualTo(firstDue);
                });
        assertThat(pledge.raiseDueRenewals(Period.ofMonths(6), firstDue, "sweep")).as("the same sweep again").isEmpty();
        assertThat(pledge.renewalDueAt()).isEqualTo(Instant.parse("2023-06-07T09:40:00Z"));

        Instant muchLater = Instant.parse("2024-07-01T00:00:00Z");
        assertThat(pledge.raiseDueRenewals(Period.ofMonths(6), muchLater, "sweep"))
                .extracting(e -> ((PledgeRenewalDue) e).dueAt())
                .containsExactly(Instant.parse("2023-06-07T09:40:00Z"), Instant.parse("2023-12-07T09:40:00Z"),
                        Instant.parse("2024-06-07T09:40:00Z"));
    }

    @Test
    void aRenewalThatFellDueIsConfirmedOnceAndTheNextFallsDueSixMonthsAfterTheConfirmation() {
        Pledge pledge = accepted();
        Instant firstDue = Instant.parse("2022-12-07T09:40:00Z");
        pledge.raiseDueRenewals(Period.ofMonths(6), firstDue, "sweep");
        assertThat(pledge.renewalAwaitingConfirmation()).isTrue();
        Instant confirmedAt = Instant.parse("2022-12-20T15:00:00Z");

        assertThat(pledge.confirmRenewal(Period.ofMonths(6), confirmedAt, "focal-point-kor")).singleElement()
                .isInstanceOfSatisfying(PledgeRenewed.class, e -> {
                    assertThat(e.renewalNumber()).isEqualTo(1);
                    assertThat(e.renewedAt()).isEqualTo(confirmedAt);
                    assertThat(e.nextRenewalDueAt()).isEqualTo(Instant.parse("2023-06-20T15:00:00Z"));
                });
        assertThat(pledge.renewalDueAt()).isEqualTo(Instant.parse("2023-06-20T15:00:00Z"));
        assertThat(pledge.renewalAwaitingConfirmation()).isFalse();
        assertThat(pledge.history().getLast()).satisfies(h -> {
            assertThat(h.action()).isEqualTo("confirm-renewal");
            assertThat(h.by()).isEqualTo("focal-point-kor");
            assertThat(h.at()).isEqualTo(confirmedAt);
        });
        assertThatThrownBy(() -> pledge.confirmRenewal(Period.ofMonths(6), confirmedAt, "focal-point-kor"))
                .as("confirming the same renewal again")
                .isInstanceOfSatisfying(IllegalStateTransitionException.class, e -> {
                    assertThat(e.currentState()).isEqualTo("ACCEPTED");
                    assertThat(e.detail()).contains("no renewal is due");
                });
    }

    @Test
    void aRenewalIsNotConfirmedBeforeItFellDueNorOnceThePledgeIsWithdrawn() {
        Pledge pledge = accepted();
        assertThatThrownBy(() -> pledge.confirmRenewal(Period.ofMonths(6), now, "org"))
                .isInstanceOfSatisfying(IllegalStateTransitionException.class,
                        e -> assertThat(e.currentState()).isEqualTo("ACCEPTED"));

        pledge.raiseDueRenewals(Period.ofMonths(6), Instant.parse("2022-12-07T09:40:00Z"), "sweep");
        pledge.withdraw("unit committed to national tasks", now, "org");
        assertThatThrownBy(() -> pledge.confirmRenewal(Period.ofMonths(6), now, "org"))
                .isInstanceOfSatisfying(IllegalStateTransitionException.class,
                        e -> assertThat(e.currentState()).isEqualTo("WITHDRAWN"));
    }

    @Test
    void quantitiesThatDoNotAddUpAreRefusedWithTheFieldsNamed() {
        assertThatThrownBy(() -> new Offer(PledgeCategory.FORMED_POLICE_UNIT, 1, 140, 141, List.of(), List.of(),
                Set.of(), "FPU", UnLanguage.ENGLISH))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("womenPersonnel")));
        assertThatThrownBy(() -> new Offer(PledgeCategory.FINANCIAL, 0, 0, 0, List.of(),
                List.of(new FinancialContribution(new BigDecimal("10.001"), "USD", null)), Set.of(), "money",
                UnLanguage.ENGLISH))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.code()).isEqualTo("too-many-decimals")));
        assertThatThrownBy(() -> new Offer(PledgeCategory.FINANCIAL, 0, 0, 0, List.of(), List.of(), Set.of(),
                "money", UnLanguage.ENGLISH))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.code()).isEqualTo("amount-required")));
    }

    @Test
    void acceptanceStartsTheRenewalClock() {
        Pledge pledge = create(helicopters(12), List.of(), false).pledge();
        pledge.acknowledge(now, "org");
        pledge.announce("seoul-2021-ministerial-1", "ins-1", "Minister of National Defence", "Minister", "seoul-2021-KOR",
                now, "org");

        assertThat(pledge.accept(Period.ofMonths(12), now, "org")).singleElement()
                .isInstanceOfSatisfying(PledgeAccepted.class,
                        e -> assertThat(e.firstRenewalDueAt()).isEqualTo(Instant.parse("2022-12-07T09:40:00Z")));
        assertThat(pledge.figures().announcedInSession()).isEqualTo("seoul-2021-ministerial-1");
    }

    private Pledge accepted() {
        Pledge pledge = create(helicopters(12), List.of(), false).pledge();
        pledge.acknowledge(now, "org");
        pledge.accept(Period.ofMonths(12), now, "org");
        return pledge;
    }

    private Pledge.Created create(Offer offer, List<Party> parties, boolean draft) {
        return Pledge.create("plg-0000000000000001", "seoul-2021", "KOR", offer, parties, draft, null, null, now,
                "fp-kor");
    }

    private static Offer helicopters(int count) {
        return new Offer(PledgeCategory.UTILITY_HELICOPTER_UNIT, 1, 140, 21,
                List.of(new EquipmentItem("utility helicopter", count)), List.of(), Set.of(A4pArea.SAFETY_AND_SECURITY),
                "Utility helicopter unit", UnLanguage.ENGLISH);
    }
}
