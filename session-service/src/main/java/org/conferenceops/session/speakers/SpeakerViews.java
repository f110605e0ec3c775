package org.conferenceops.session.speakers;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.conferenceops.events.session.RepresentationLevel;

/** The speakers list as clients see it. */
final class SpeakerViews {

    private SpeakerViews() {
    }

    /** One speaker; {@code position} counts from 1 in speaking order. */
    record SpeakerView(int position, String inscriptionId, String delegationId, String name, String title,
            RepresentationLevel level, boolean video, boolean pledgeAnnouncement, Instant requestedAt) {

        static SpeakerView of(int position, Inscription i) {
            return new SpeakerView(position, i.id(), i.delegationId(), i.name(), i.title(), i.level(), i.video(),
                    i.pledgeAnnouncement(), i.requestedAt());
        }
    }

    record SpeakersListView(String sessionId, String conferenceId, int inscriptionsPerDelegation,
            List<SpeakerView> speakers) {

        static SpeakersListView of(SpeakersList list) {
            List<Inscription> ordered = list.ordered();
            return new SpeakersListView(list.sessionId(), list.conferenceId(), list.inscriptionsPerDelegation(),
                    IntStream.range(0, ordered.size()).mapToObj(i -> SpeakerView.of(i + 1, ordered.get(i))).toList());
        }
    }
}
