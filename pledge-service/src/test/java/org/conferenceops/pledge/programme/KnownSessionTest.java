package org.conferenceops.pledge.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.conferenceops.platform.messaging.EventContext;
import org.junit.jupiter.api.Test;

/** Given the programme as known so far, when a session event arrives (once or again), then this read model. */
class KnownSessionTest {

    private static final Instant NOW = Instant.parse("2021-12-07T09:00:00Z");

    @Test
    void aRedeliveredInscriptionIsRecognisedAndAddsNoSecondSpeaker() {
        KnownSession session = KnownSession.unknown("s-1", "seoul-2021");
        EventContext inscribed = context("e-1", 1);

        session.inscribed(slot("ins-1"), inscribed);

        assertThat(session.alreadyApplied(inscribed)).isTrue();
        session.inscribed(slot("ins-1"), context("e-1-copy", 1));
        assertThat(session.view().speakers()).singleElement()
                .satisfies(s -> assertThat(s.inscriptionId()).isEqualTo("ins-1"));
    }

    @Test
    void theSpeakersListAndTheProgrammeHaveTheirOwnVersionsUnderOneKeyAndBothApply() {
        KnownSession session = KnownSession.unknown("s-1", "seoul-2021");

        // the programme aggregate is at version 5 when the speakers list publishes its version 1
        session.scheduled("seoul-2021", "Pledging segment", context("e-sched", 5));
        session.inscribed(slot("ins-1"), context("e-ins", 1));

        Programme.Session view = session.view();
        assertThat(view.scheduled()).isTrue();
        assertThat(view.title()).isEqualTo("Pledging segment");
        assertThat(view.inscription("ins-1")).isPresent();
    }

    @Test
    void aWithdrawnInscriptionStaysKnownButMarkedAndACancelledSessionIsMarked() {
        KnownSession session = KnownSession.unknown("s-1", "seoul-2021");
        session.inscribed(slot("ins-1"), context("e-1", 1));

        session.withdrawn("ins-1", context("e-2", 2));
        session.cancelled(context("e-3", 7));

        assertThat(session.view().inscription("ins-1")).hasValueSatisfying(s -> assertThat(s.withdrawn()).isTrue());
        assertThat(session.view().cancelled()).isTrue();
    }

    private static KnownSession.Inscription slot(String inscriptionId) {
        return new KnownSession.Inscription(inscriptionId, "seoul-2021-KOR", "Suh Wook", "Minister of National Defence",
                true, false);
    }

    private static EventContext context(String eventId, long aggregateVersion) {
        return new EventContext(eventId, "session.SpeakerInscribed", 1, "/conference-ops/session-service", "s-1", NOW,
                null, aggregateVersion);
    }
}
