package org.conferenceops.registration.checkin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for door scanners (organisers and ops staff) and the live counts. */
@RestController
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPS')")
class CheckInController {

    private final CheckInDesk desk;

    CheckInController(CheckInDesk desk) {
        this.desk = desk;
    }

    /** 201 when the scan admits the holder, 200 when they are already inside, 422 when refused. */
    @PostMapping("/api/conferences/{conferenceId}/checkins")
    ResponseEntity<ScanOutcome> scan(@PathVariable String conferenceId, @Valid @RequestBody ScanRequest request) {
        ScanOutcome outcome = desk.scan(conferenceId, request.qr(), request.entrance(), request.deviceId(),
                request.scannedAt());
        return ResponseEntity.status(outcome.outcome() == ScanOutcome.Outcome.ADMITTED ? HttpStatus.CREATED
                : HttpStatus.OK).body(outcome);
    }

    /** An offline scanner uploads what it scanned; one outcome per scan, in order. */
    @PostMapping("/api/conferences/{conferenceId}/checkins/bulk")
    List<ScanOutcome> batch(@PathVariable String conferenceId, @Valid @RequestBody Batch batch) {
        return desk.batch(conferenceId, batch.deviceId(), batch.scans());
    }

    /**
     * The day's entries by entrance and hour; with {@code resolution=minute} also by entrance and minute since
     * {@code since} (default: the last 60 minutes, at most 24 hours).
     */
    @GetMapping("/api/conferences/{conferenceId}/checkins/counts")
    CheckInDesk.Counts counts(@PathVariable String conferenceId,
            @RequestParam(required = false) @Nullable LocalDate day,
            @RequestParam(defaultValue = "hour") String resolution,
            @RequestParam(required = false) @Nullable Instant since) {
        if (!resolution.equals("hour") && !resolution.equals("minute")) {
            throw new RuleViolationException("unknown-resolution", "resolution must be hour or minute",
                    List.of(new FieldViolation("resolution", "unknown-resolution", "must be hour or minute")));
        }
        return desk.counts(conferenceId, day, resolution.equals("minute"), since);
    }

    /** One live scan. */
    record ScanRequest(@NotBlank @Size(max = 512) String qr, @NotBlank @Size(max = 40) String entrance,
            @Nullable @Size(max = 60) String deviceId, @Nullable Instant scannedAt) {
    }

    /** A scan recorded offline. */
    record Scan(@NotBlank @Size(max = 512) String qr, @NotBlank @Size(max = 40) String entrance,
            @Nullable Instant scannedAt) {
    }

    /** An offline scanner's upload. */
    record Batch(@Nullable @Size(max = 60) String deviceId, @NotEmpty @Size(max = 10000) List<@Valid Scan> scans) {
    }
}
