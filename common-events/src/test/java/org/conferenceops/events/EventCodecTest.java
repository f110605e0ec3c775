package org.conferenceops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCodecTest {

    private final EventCodec codec = EventCodec.standard();

    private static final String VALID = """
            {"specversion":"1.0","id":"e1","type":"registration.DelegateRegistered",
             "source":"/conference-ops/registration-service","subject":"d1","time":"2021-12-07T09:00:00Z",
             "dataversion":1,"data":{"delegateId":"d1","conferenceId":"seoul-2021","delegationId":"x",
             "givenName":"A","familyName":"B","email":"a@b.org","preferredLanguage":"ru",
             "registeredAt":"2021-12-07T09:00:00Z"}}""";

    @Test
    void readsAValidEvent() {
        EventEnvelope envelope = codec.read(bytes(VALID));

        assertThat(envelope.id()).isEqualTo("e1");
        assertThat(envelope.subject()).isEqualTo("d1");
        assertThat(codec.payload(envelope).aggregateId()).isEqualTo("d1");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "not json at all|record value is not JSON",
            "[1,2]|record value is not a JSON object",
            "{\"specversion\":\"0.3\"}|unsupported CloudEvents specversion '0.3'",
            "{\"specversion\":\"1.0\",\"type\":\"t\",\"data\":{}}|required attribute 'id' is missing",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"registration.DelegateRegistered\",\"source\":\"s\",\"subject\":\"d\",\"time\":\"yesterday\",\"dataversion\":1,\"data\":{}}|attribute 'time' is not an RFC 3339 timestamp",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"registration.DelegateRegistered\",\"source\":\"s\",\"subject\":\"d\",\"time\":\"2021-12-07T09:00:00Z\",\"dataversion\":0,\"data\":{}}|attribute 'dataversion' must be a positive integer",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"registration.DelegateRegistered\",\"source\":\"s\",\"subject\":\"d\",\"time\":\"2021-12-07T09:00:00Z\",\"dataversion\":1}|attribute 'data' must be a JSON object"
    })
    void rejectsAnInvalidEnvelopeNamingTheProblem(String value, String reason) {
        assertThatThrownBy(() -> codec.read(bytes(value)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsAnEmptyRecord() {
        assertThatThrownBy(() -> codec.read(new byte[0])).hasMessage("empty record value");
    }

    @Test
    void tellsAnUnknownVersionFromAnUnknownType() {
        assertThatThrownBy(() -> codec.decode(bytes(VALID.replace("\"dataversion\":1", "\"dataversion\":2"))))
                .isInstanceOf(UnknownEventException.class)
                .hasMessage("unsupported version 2 of event type 'registration.DelegateRegistered'");
        assertThatThrownBy(() -> codec.decode(bytes(VALID.replace("registration.DelegateRegistered", "registration.Nope"))))
                .isInstanceOf(UnknownEventException.class)
                .hasMessage("unknown event type 'registration.Nope'");
    }

    @Test
    void rejectsDataMissingARequiredField() {
        assertThatThrownBy(() -> codec.decode(bytes(VALID.replace("\"email\":\"a@b.org\",", ""))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("violates its contract")
                .hasMessageContaining("email");
    }

    @Test
    void rejectsASubjectThatIsNotTheAggregateId() {
        assertThatThrownBy(() -> codec.decode(bytes(VALID.replace("\"subject\":\"d1\"", "\"subject\":\"other\""))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("does not match");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
