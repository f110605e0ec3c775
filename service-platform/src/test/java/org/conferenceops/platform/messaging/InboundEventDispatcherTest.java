package org.conferenceops.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventMetadata;
import org.conferenceops.events.InvalidEventException;
import org.conferenceops.events.UnknownEventException;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.correlation.Correlation;
import org.junit.jupiter.api.Test;

class InboundEventDispatcherTest {

    private final EventCodec codec = EventCodec.standard();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> seen = new ArrayList<>();

    private final EventHandler<DelegateRegistered> handler = new EventHandler<>() {
        @Override
        public Class<DelegateRegistered> eventType() {
            return DelegateRegistered.class;
        }

        @Override
        public void handle(DelegateRegistered event, EventContext context) {
            seen.add(event.delegateId() + "/" + context.eventId() + "/" + Correlation.correlationId() + "/"
                    + Correlation.causationId());
        }
    };

    private final InboundEventDispatcher dispatcher = new InboundEventDispatcher(codec, List.of(handler), meters, "test");

    @Test
    void handsAnEventToItsHandlerInsideTheEventsCorrelationWithTheEventAsCause() {
        dispatcher.dispatch(registered("e-1", "corr-1"));

        assertThat(seen).containsExactly("d-1/e-1/corr-1/e-1");
        assertThat(Correlation.correlationId()).as("the scope is closed afterwards").isNull();
    }

    @Test
    void skipsAnEventTypeItHasNoHandlerForWhateverItsVersion() {
        String unknown = new String(registered("e-2", "c"), StandardCharsets.UTF_8)
                .replace("registration.DelegateRegistered", "registration.DelegateAccredited")
                .replace("\"dataversion\":1", "\"dataversion\":7");

        dispatcher.dispatch(unknown.getBytes(StandardCharsets.UTF_8));

        assertThat(seen).isEmpty();
        assertThat(meters.counter("events.consumed", "outcome", "ignored", "type", "registration.DelegateAccredited")
                .count()).isEqualTo(1);
    }

    @Test
    void rejectsAnUnsupportedVersionOfATypeItHandlesSoItCanBeReplayedAfterAnUpgrade() {
        String newer = new String(registered("e-3", "c"), StandardCharsets.UTF_8)
                .replace("\"dataversion\":1", "\"dataversion\":2");

        assertThatThrownBy(() -> dispatcher.dispatch(newer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void rejectsAValueThatIsNotAnEvent() {
        assertThatThrownBy(() -> dispatcher.dispatch("nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void appliedEventsRecognisesARepeatAndAStaleVersion() {
        EventContext first = new EventContext("e-1", "t", 1, "s", "a", Instant.EPOCH, null, 3L);
        EventContext older = new EventContext("e-0", "t", 1, "s", "a", Instant.EPOCH, null, 2L);
        EventContext newer = new EventContext("e-2", "t", 1, "s", "a", Instant.EPOCH, null, 4L);

        AppliedEvents applied = AppliedEvents.none().with(first);

        assertThat(applied.shouldSkip(first)).isTrue();
        assertThat(applied.shouldSkip(older)).isTrue();
        assertThat(applied.shouldSkip(newer)).isFalse();
    }

    @Test
    void appliedEventsRemembersABoundedNumberOfIds() {
        AppliedEvents applied = AppliedEvents.none();
        for (int i = 0; i < AppliedEvents.MEMORY + 10; i++) {
            applied = applied.with(new EventContext("e-" + i, "t", 1, "s", "a", Instant.EPOCH, null, null));
        }

        assertThat(applied.recentEventIds()).hasSize(AppliedEvents.MEMORY).doesNotContain("e-0").contains("e-73");
    }

    private byte[] registered(String eventId, String correlationId) {
        DelegateRegistered event = new DelegateRegistered("d-1", "c", "dl", "A", "B", "a@b.org", UnLanguage.ENGLISH,
                Instant.parse("2025-05-13T08:00:00Z"));
        return codec.write(codec.envelope(event, new EventMetadata(eventId, "registration-service",
                Instant.parse("2025-05-13T08:00:00Z"), correlationId, null, 1L, null)));
    }
}
