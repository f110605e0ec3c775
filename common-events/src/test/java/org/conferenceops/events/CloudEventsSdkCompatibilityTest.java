package org.conferenceops.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An independent CloudEvents implementation (the CNCF Java SDK) must read every record we write. */
class CloudEventsSdkCompatibilityTest {

    private final EventCodec codec = EventCodec.standard();
    private final EventFormat sdk = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    static List<Fixtures> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theSdkReadsEveryGoldenFixtureWithTheSameAttributes(Fixtures fixture) {
        EventEnvelope ours = codec.read(fixture.bytes());

        CloudEvent theirs = sdk.deserialize(fixture.bytes());

        assertSameAttributes(theirs, ours);
    }

    @Test
    void theSdkReadsWhatTheCodecWrites() {
        var event = new DelegateRegistered("dlg-1", "berlin-2025", "berlin-2025-DEU", "Anna", "Schmidt",
                "anna.schmidt@example.org", UnLanguage.FRENCH, Instant.parse("2025-05-01T08:00:00Z"));
        var metadata = new EventMetadata(UUID.randomUUID().toString(), "registration-service",
                Instant.parse("2025-05-01T08:00:00.123Z"), "corr-1", "req-1", 3L,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        EventEnvelope ours = codec.envelope(event, metadata);

        CloudEvent theirs = sdk.deserialize(codec.write(ours));

        assertSameAttributes(theirs, ours);
        assertThat(theirs.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(theirs.getData().toBytes())).contains("\"preferredLanguage\":\"fr\"");
    }

    private static void assertSameAttributes(CloudEvent theirs, EventEnvelope ours) {
        assertThat(theirs.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(theirs.getId()).isEqualTo(ours.id());
        assertThat(theirs.getType()).isEqualTo(ours.type());
        assertThat(theirs.getSource().toString()).isEqualTo(ours.source());
        assertThat(theirs.getSubject()).isEqualTo(ours.subject());
        assertThat(theirs.getTime().toInstant()).isEqualTo(ours.time());
        assertThat(String.valueOf(theirs.getExtension("dataversion"))).isEqualTo(String.valueOf(ours.dataVersion()));
        assertThat(theirs.getExtension("correlationid")).isEqualTo(ours.correlationId());
        assertThat(theirs.getExtension("causationid")).isEqualTo(ours.causationId());
        assertThat(theirs.getData()).isNotNull();
    }
}
