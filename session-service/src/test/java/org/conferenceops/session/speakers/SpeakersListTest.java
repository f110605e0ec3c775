package org.conferenceops.session.speakers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.conferenceops.events.session.RepresentationLevel;
import org.conferenceops.events.session.SpeakerInscribed;
import org.conferenceops.events.session.SpeakerWithdrawn;
import org.conferenceops.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class SpeakersListTest {

    private static final Instant NOW = Instant.parse("2023-11-20T10:15:00Z");

    private final SpeakersList list = SpeakersList.open("accra-2023-pledging", "accra-2023");

    private static SpeakersList.Request speaker(String delegation, RepresentationLevel level) {
        return new SpeakersList.Request(delegation, "Speaker of " + delegation, "Minister", level, false, true);
    }

    @Test
    void speakersAreOrderedByLevelOfRepresentationThenByTimeOfRequest() {
        list.inscribe("a", speaker("accra-2023-FRA", RepresentationLevel.OTHER), NOW);
        list.inscribe("b", speaker("accra-2023-GHA", RepresentationLevel.MINISTER), NOW.plusSeconds(10));
        list.inscribe("c", speaker("accra-2023-KOR", RepresentationLevel.MINISTER), NOW.plusSeconds(5));
        list.inscribe("d", speaker("accra-2023-BGD", RepresentationLevel.HEAD_OF_STATE_OR_GOVERNMENT),
                NOW.plusSeconds(20));

        assertThat(list.ordered()).extracting(Inscription::id).containsExactly("d", "c", "b", "a");
    }

    @Test
    void aSecondInscriptionOfTheSameDelegationIsRefusedUnlessOrganisersAllowMore() {
        assertThat(list.inscribe("a", speaker("accra-2023-GHA", RepresentationLevel.MINISTER), NOW)).singleElement()
                .isEqualTo(new SpeakerInscribed("accra-2023-pledging", "accra-2023", "a", "accra-2023-GHA",
                        "Speaker of accra-2023-GHA", "Minister", RepresentationLevel.MINISTER, false, true, NOW));

        assertThatThrownBy(() -> list.inscribe("b", speaker("accra-2023-GHA", RepresentationLevel.OTHER), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at most 1");
        list.allow(2);
        assertThat(list.inscribe("b", speaker("accra-2023-GHA", RepresentationLevel.OTHER), NOW)).hasSize(1);
    }

    @Test
    void aWithdrawnInscriptionLeavesTheListAndFreesTheDelegationsPlace() {
        list.inscribe("a", speaker("accra-2023-GHA", RepresentationLevel.MINISTER), NOW);

        assertThat(list.withdraw("a", NOW)).singleElement().isEqualTo(new SpeakerWithdrawn("accra-2023-pledging",
                "accra-2023", "a", "accra-2023-GHA", NOW));
        assertThat(list.ordered()).isEmpty();
        assertThat(list.inscribe("b", speaker("accra-2023-GHA", RepresentationLevel.MINISTER), NOW)).hasSize(1);
    }
}
