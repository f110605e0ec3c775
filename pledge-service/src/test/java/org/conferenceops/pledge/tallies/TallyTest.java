package org.conferenceops.pledge.tallies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.pledge.pledging.PledgeFigures;
import org.junit.jupiter.api.Test;

class TallyTest {

    private final List<PledgeFigures> pledges = List.of(
            new PledgeFigures("a", "seoul-2021", "KOR", PledgeCategory.UTILITY_HELICOPTER_UNIT, PledgeStatus.ANNOUNCED,
                    1, 140, 21, 12, "session-1", true),
            new PledgeFigures("b", "seoul-2021", "GHA", PledgeCategory.UTILITY_HELICOPTER_UNIT, PledgeStatus.ACCEPTED,
                    1, 110, 18, 4, "session-1", false),
            new PledgeFigures("c", "seoul-2021", "RWA", PledgeCategory.LEVEL_II_HOSPITAL, PledgeStatus.LEVEL_1,
                    1, 70, 22, 0, "session-2", true),
            new PledgeFigures("d", "seoul-2021", "KOR", PledgeCategory.TRAINING_AND_CAPACITY_BUILDING,
                    PledgeStatus.SUBMITTED, 0, 20, 5, 0, null, true),
            new PledgeFigures("e", "seoul-2021", "FRA", PledgeCategory.ISR_UNIT, PledgeStatus.WITHDRAWN,
                    1, 80, 8, 2, "session-1", true),
            new PledgeFigures("f", "seoul-2021", "JPN", PledgeCategory.ENGINEERING_COMPANY, PledgeStatus.DRAFT,
                    1, 150, 10, 0, null, true),
            new PledgeFigures("g", "accra-2023", "GHA", PledgeCategory.INFANTRY_BATTALION, PledgeStatus.SUBMITTED,
                    1, 850, 120, 0, null, true));

    @Test
    void aConferenceTallyCountsLivePledgesOfThatConferenceOnly() {
        Tally tally = Tally.of("seoul-2021", null, pledges);

        assertThat(tally.pledges()).isEqualTo(4);
        assertThat(tally.memberStates()).isEqualTo(3);
        assertThat(tally.byCategory()).containsEntry(PledgeCategory.UTILITY_HELICOPTER_UNIT, 2)
                .containsEntry(PledgeCategory.LEVEL_II_HOSPITAL, 1).doesNotContainKey(PledgeCategory.ISR_UNIT);
        assertThat(tally.byMemberState()).containsEntry("KOR", 2).containsEntry("GHA", 1).doesNotContainKey("FRA");
        assertThat(tally.newUnits()).isEqualTo(3);
        assertThat(tally.personnel()).isEqualTo(340);
        assertThat(tally.womenPersonnel()).isEqualTo(66);
        assertThat(tally.equipmentItems()).isEqualTo(16);
    }

    @Test
    void aSessionTallyCountsThePledgesAnnouncedInIt() {
        Tally tally = Tally.of("seoul-2021", "session-1", pledges);

        assertThat(tally.pledges()).isEqualTo(2);
        assertThat(tally.equipmentItems()).isEqualTo(16);
        assertThat(tally.byMemberState()).containsOnlyKeys("KOR", "GHA");
    }

    @Test
    void theTallyIsTheSameWhateverOrderThePledgesArriveIn() {
        List<PledgeFigures> shuffled = new ArrayList<>(pledges);
        Tally expected = Tally.of("seoul-2021", null, pledges);
        Random random = new Random(7);

        for (int round = 0; round < 20; round++) {
            Collections.shuffle(shuffled, random);
            assertThat(Tally.of("seoul-2021", null, shuffled)).isEqualTo(expected);
        }
    }
}
