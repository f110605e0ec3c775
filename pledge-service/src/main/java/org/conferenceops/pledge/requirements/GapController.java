package org.conferenceops.pledge.requirements;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * HTTP adapter for capability requirements and the gap: JSON, CSV ({@code Accept: text/csv}) and a live stream of
 * server-sent events. Organisers and focal points read; organisers define requirements.
 */
@RestController
@PreAuthorize("hasAnyRole('ORGANIZER', 'FOCAL_POINT')")
class GapController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final List<String> COLUMNS = List.of("requirement_id", "title", "category", "measure", "mission",
            "quantity_needed", "quantity_covered", "gap", "counting_status", "counted_pledges", "computed_at");

    private final CapabilityGap gap;

    GapController(CapabilityGap gap) {
        this.gap = gap;
    }

    @PostMapping("/api/capability-requirements")
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<GapView> define(@Valid @RequestBody DefineRequirementRequest request) {
        GapView view = gap.define(request);
        return ResponseEntity.created(URI.create("/api/capability-gap#" + view.requirementId())).body(view);
    }

    @GetMapping(path = "/api/capability-gap", produces = MediaType.APPLICATION_JSON_VALUE)
    List<GapView> json() {
        return gap.gap();
    }

    @GetMapping(path = "/api/capability-gap", produces = "text/csv")
    ResponseEntity<String> csv() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(COLUMNS);
            for (GapView row : gap.gap()) {
                csv.writeRecord(row.requirementId(), cell(row.title()), row.category().name(), row.measure().name(),
                        row.mission() == null ? "" : cell(row.mission()), String.valueOf(row.quantityNeeded()),
                        String.valueOf(row.quantityCovered()), String.valueOf(row.gap()),
                        row.countingStatus().name(), String.valueOf(row.countedPledges()),
                        row.computedAt().toString());
            }
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"capability-gap.csv\"").body(out.toString());
    }

    @GetMapping(path = "/api/capability-gap/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return gap.stream();
    }

    /** Text that a spreadsheet would run as a formula is prefixed so it stays text. */
    private static String cell(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
