package org.conferenceops.session.programme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SessionMode;
import org.jspecify.annotations.Nullable;

/** The bodies of the programme's commands. */
final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    record CreateMeeting(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 200) String title,
            @Size(max = 100) @Nullable String city, @NotNull SessionMode mode, @NotNull LocalDate firstDay,
            @NotNull LocalDate lastDay, @NotBlank String timeZone) {
    }

    record CreateRoom(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 200) String name,
            @Positive @Max(100_000) int capacity) {
    }

    record ScheduleSession(@NotBlank String meetingId, @NotBlank @Size(max = 200) String track,
            @NotBlank @Size(max = 300) String title, @Size(max = 10) @Nullable List<@NotBlank String> chairs,
            @Nullable String roomId, @NotNull SessionMode mode, @Size(max = 2000) @Nullable String virtualLink,
            @NotNull Instant startsAt, @NotNull Instant endsAt,
            @PositiveOrZero @Max(100_000) @Nullable Integer capacity,
            @PositiveOrZero @Max(1_000_000) int virtualCapacity) {
    }

    record Reschedule(@NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    record Move(@NotBlank String roomId) {
    }

    record ChangeMode(@NotNull SessionMode mode, @Size(max = 2000) @Nullable String virtualLink) {
    }

    record ChangeCapacity(@NotNull Attendance attendance, @PositiveOrZero @Max(1_000_000) int capacity) {
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }
}
