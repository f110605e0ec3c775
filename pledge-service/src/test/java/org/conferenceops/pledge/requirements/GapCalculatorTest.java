package org.conferenceops.pledge.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.pledge.pledging.PledgeFigures;
import org.junit.jupiter.api.Test;

class GapCalculatorTest {

    private static final PledgeCategory HELICOPTERS = PledgeCategory.UTILITY_HELICOPTER_UNIT;

    @Test
    void pledgesAtOrAboveTheCountingStatusCoverTheRequirement() {
        List<PledgeFigures> pledges = List.of(
                pledge("a", HELICOPTERS, PledgeStatus.ANNOUNCED, 1, 12, true),
                pledge("b", HELICOPTERS, PledgeStatus.LEVEL_2, 1, 4, true),
                pledge("c", HELICOPTERS, PledgeStatus.ACKNOWLEDGED, 1, 6, true));

        Coverage units = GapCalculator.coverage(HELICOPTERS, CapabilityMeasure.UNITS, 6, PledgeStatus.ANNOUNCED, pledges);
        Coverage aircraft = GapCalculator.coverage(HELICOPTERS, CapabilityMeasure.EQUIPMENT_ITEMS, 36,
                PledgeStatus.ANNOUNCED, pledges);

        assertThat(units).isEqualTo(new Coverage(6, 2, 4, 2));
        assertThat(aircraft).isEqualTo(new Coverage(36, 16, 20, 2));
    }

    @Test
    void draftsDeclinedWithdrawnOtherCategoriesAndUnconfirmedJointPledgesDoNotCount() {
        List<PledgeFigures> pledges = List.of(
                pledge("draft", HELICOPTERS, PledgeStatus.DRAFT, 1, 12, true),
                pledge("declined", HELICOPTERS, PledgeStatus.DECLINED, 1, 12, true),
                pledge("withdrawn", HELICOPTERS, PledgeStatus.WITHDRAWN, 1, 12, true),
                pledge("armed", PledgeCategory.ARMED_HELICOPTER_UNIT, PledgeStatus.DEPLOYED, 1, 12, true),
                pledge("joint", HELICOPTERS, PledgeStatus.ACCEPTED, 1, 4, false));

        assertThat(GapCalculator.coverage(HELICOPTERS, CapabilityMeasure.UNITS, 3, PledgeStatus.SUBMITTED, pledges))
                .isEqualTo(new Coverage(3, 0, 3, 0));
    }

    @Test
    void theGapNeverGoesBelowZeroWhenPledgesExceedTheNeed() {
        List<PledgeFigures> pledges = List.of(pledge("a", HELICOPTERS, PledgeStatus.DEPLOYED, 4, 0, true));

        assertThat(GapCalculator.coverage(HELICOPTERS, CapabilityMeasure.UNITS, 3, PledgeStatus.LEVEL_1, pledges))
                .isEqualTo(new Coverage(3, 4, 0, 1));
    }

    @Test
    void theCoverageIsTheSameWhateverOrderThePledgesArriveIn() {
        List<PledgeFigures> pledges = new ArrayList<>();
        PledgeStatus[] statuses = PledgeStatus.values();
        Random random = new Random(2021);
        for (int i = 0; i < 200; i++) {
            pledges.add(pledge("p" + i, HELICOPTERS, statuses[random.nextInt(statuses.length)], random.nextInt(3),
                    random.nextInt(13), random.nextBoolean()));
        }
        Coverage expected = GapCalculator.coverage(HELICOPTERS, CapabilityMeasure.EQUIPMENT_ITEMS, 500,
                PledgeStatus.ANNOUNCED, pledges);

        for (int round = 0; round < 20; round++) {
            Collections.shuffle(pledges, random);
            assertThat(GapCalculator.coverage(HELICOPTERS, CapabilityMeasure.EQUIPMENT_ITEMS, 500,
                    PledgeStatus.ANNOUNCED, pledges)).isEqualTo(expected);
        }
        assertThat(expected.covered()).isPositive();
    }

    private static PledgeFigures pledge(String id, PledgeCategory category, PledgeStatus status, int units,
            int helicopters, boolean confirmed) {
        return new PledgeFigures(id, "seoul-2021", "KOR", category, status, units, units * 100, units * 15,
                helicopters, null, confirmed);
    }
}
