package org.conferenceops.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void idsAreVersionFourUuidsInTheirUsualTextForm() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = RandomIds.uuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            String text = RandomIds.next();
            assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(UUID.fromString(text).toString()).isEqualTo(text);
        }
    }

    @Test
    void threadsDrawingAtOnceNeverDrawTheSameIdAndEveryRandomBitVaries() throws Exception {
        int threads = 8;
        int each = 25_000;
        List<Callable<List<UUID>>> draws = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            draws.add(() -> {
                List<UUID> drawn = new ArrayList<>(each);
                for (int i = 0; i < each; i++) {
                    drawn.add(RandomIds.uuid());
                }
                return drawn;
            });
        }
        Set<UUID> all = new HashSet<>();
        long mostOr = 0;
        long mostAnd = -1;
        long leastOr = 0;
        long leastAnd = -1;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<List<UUID>> drawn : pool.invokeAll(draws)) {
                for (UUID id : drawn.get()) {
                    all.add(id);
                    mostOr |= id.getMostSignificantBits();
                    mostAnd &= id.getMostSignificantBits();
                    leastOr |= id.getLeastSignificantBits();
                    leastAnd &= id.getLeastSignificantBits();
                }
            }
        }
        assertThat(all).hasSize(threads * each);
        // 122 random bits: each is 1 in some id and 0 in another; only the version and variant bits are fixed
        assertThat(mostOr ^ mostAnd).isEqualTo(~0xf000L);
        assertThat(leastOr ^ leastAnd).isEqualTo(0x3fffffffffffffffL);
    }
}
