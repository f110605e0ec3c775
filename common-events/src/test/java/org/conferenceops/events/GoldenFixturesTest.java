package org.conferenceops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenFixturesTest {

    private final EventCodec codec = EventCodec.standard();

    static List<Fixtures> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyPublishedFixtureStillReadsIntoItsCataloguedRecord(Fixtures fixture) {
        EventEnvelope envelope = codec.read(fixture.bytes());
        IntegrationEvent event = codec.payload(envelope);

        assertThat(envelope.type()).isEqualTo(fixture.type());
        assertThat(envelope.dataVersion()).isEqualTo(fixture.version());
        assertThat(event).isInstanceOf(codec.catalogue().find(fixture.type(), fixture.version()).orElseThrow().javaType());
        assertThat(event.aggregateId()).isEqualTo(envelope.subject());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reEncodingAFixtureKeepsEveryAttributeAndTheData(Fixtures fixture) {
        EventEnvelope original = codec.read(fixture.bytes());
        IntegrationEvent event = codec.payload(original);
        EventEnvelope again = codec.read(codec.write(original));

        assertThat(again).usingRecursiveComparison().ignoringFields("data").isEqualTo(original);
        assertThat(codec.payload(again)).isEqualTo(event);
    }

    @Test
    void everyCataloguedVersionHasAGoldenFixture() {
        for (EventDescriptor descriptor : codec.catalogue().descriptors()) {
            assertThat(Fixtures.root().resolve(descriptor.type()).resolve("v" + descriptor.version() + ".json"))
                    .as("fixture of %s", descriptor.key())
                    .satisfies(path -> assertThat(Files.isRegularFile(path)).isTrue());
        }
    }

    @Test
    void everyFixtureBelongsToACataloguedVersion() {
        assertThat(Fixtures.all()).allSatisfy(fixture ->
                assertThat(codec.catalogue().find(fixture.type(), fixture.version())).as(fixture.toString()).isPresent());
    }

    @Test
    void everyRecordOfEveryEventFamilyIsCatalogued() {
        // a family is a sealed interface extending IntegrationEvent; every record it permits must be catalogued
        List<Class<?>> published = codec.catalogue().descriptors().stream()
                .flatMap(d -> Arrays.stream(d.javaType().getInterfaces()))
                .filter(Class::isSealed)
                .distinct()
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .toList();
        List<Class<?>> catalogued = codec.catalogue().descriptors().stream()
                .<Class<?>>map(EventDescriptor::javaType).toList();

        assertThat(published).as("families found").isNotEmpty();
        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void fieldsAndValuesFromALaterReleaseAreIgnoredNotRejected() {
        Fixtures future = new Fixtures(Fixtures.root().resolve("registration.DelegateRegistered/v1-additive-future-fields.json"));

        DelegateRegistered event = (DelegateRegistered) codec.decode(future.bytes());

        assertThat(event.delegateId()).isEqualTo("dlg-90bb21");
        assertThat(event.preferredLanguage()).isEqualTo(UnLanguage.UNKNOWN);
    }
}
