package org.conferenceops.registration.delegates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** The accreditation queue sorts VIPs first by the stored rank names; adding a rank must keep that true. */
class VipRankTest {

    @Test
    void sortingTheStoredRankNamesPutsHeadsOfStateThenMinistersBeforeEveryoneElse() {
        List<VipRank> byStoredName = Arrays.stream(VipRank.values())
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();

        assertThat(byStoredName).containsExactly(VipRank.HEAD_OF_STATE_OR_GOVERNMENT, VipRank.MINISTER, VipRank.NONE);
        assertThat(byStoredName.getLast().vip()).isFalse();
    }

    @Test
    void theVipFirstOrderSortsAscendingByRank() {
        assertThat(DelegateDirectory.VIP_FIRST.getOrderFor("vipRank")).isNotNull()
                .extracting(Sort.Order::getDirection).isEqualTo(Sort.Direction.ASC);
    }
}
