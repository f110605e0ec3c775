package org.conferenceops.registration.conferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.NotFoundException;
import org.junit.jupiter.api.Test;

class ConferencesTest {

    private final ConferenceRepository repository = mock(ConferenceRepository.class);
    private final Conferences conferences = new Conferences(repository, null,
            new RegistrationProperties(new RegistrationProperties.DelegationSize(5, 5, 15), Duration.ofSeconds(15)),
            Clock.systemUTC());

    @Test
    void anEditionIsReadFromTheDatabaseOnceAndAnUnknownOneEveryTimeItIsAskedFor() {
        Conference seoul = Conference.create("seoul-2021", "Seoul 2021", "Seoul", "KR", LocalDate.of(2021, 12, 7),
                LocalDate.of(2021, 12, 8), "Asia/Seoul", AttendanceMode.HYBRID, null, List.of(UnLanguage.ofCode("en")),
                new DelegationSizeRule(5, 5, 15), List.of(), null, null, List.of(), Instant.now());
        when(repository.findById("seoul-2021")).thenReturn(Optional.of(seoul));
        when(repository.findById("accra-2023")).thenReturn(Optional.empty());

        assertThat(conferences.require("seoul-2021")).isSameAs(seoul);
        assertThat(conferences.require("seoul-2021")).isSameAs(seoul);
        assertThat(conferences.find("seoul-2021")).containsSame(seoul);
        verify(repository, times(1)).findById("seoul-2021");

        assertThatThrownBy(() -> conferences.require("accra-2023")).isInstanceOf(NotFoundException.class);
        assertThat(conferences.find("accra-2023")).isEmpty();
        verify(repository, times(2)).findById("accra-2023");
    }
}
