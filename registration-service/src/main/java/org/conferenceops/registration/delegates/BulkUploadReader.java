package org.conferenceops.registration.delegates;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.registration.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the rows of a bulk upload from CSV (RFC 4180, UTF-8, a header row naming the fields of
 * {@link RegisterDelegateRequest}) or from a JSON array of such objects. Structure errors that make the whole upload
 * unreadable are a 400 naming the line; problems of one row are left to validation, row by row.
 */
@Component
class BulkUploadReader {

    static final List<String> COLUMNS = List.of("givenName", "familyName", "email", "preferredLanguage", "title",
            "nativeGivenName", "nativeFamilyName", "phone", "timeZone", "accessibilityNeeds", "role", "category",
            "vipRank", "identityDocumentNumber");
    private static final Set<String> REQUIRED = Set.of("givenName", "familyName", "email", "preferredLanguage");

    private final JsonMapper json;

    BulkUploadReader(JsonMapper json) {
        this.json = json;
    }

    /** The rows of a JSON array; each row's position (from 1) stands for its line. */
    List<BulkRow> json(byte[] body) {
        List<RegisterDelegateRequest> items;
        try {
            items = json.readValue(body, new TypeReference<List<RegisterDelegateRequest>>() { });
        }
        catch (JacksonException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new BadRequestException(new FieldViolation("body", "malformed-json",
                    "the upload must be a JSON array of delegate objects" + (line > 0 ? " (error at line " + line + ")" : "")));
        }
        if (items == null) {
            return List.of();
        }
        List<BulkRow> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new BadRequestException(new FieldViolation("[" + i + "]", "malformed-json", "must be an object"));
            }
            rows.add(new BulkRow(i + 1L, items.get(i)));
        }
        return rows;
    }

    /** The rows of a CSV upload; a row with a wrong number of fields is kept with a marker for its own error. */
    List<BulkRow> csv(byte[] body, List<BulkReport.RowError> malformedRows) {
        List<BulkRow> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .detectBomHeader(true)
                .ofCsvRecord(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            List<String> header = null;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = header(record);
                    continue;
                }
                if (record.getFieldCount() != header.size()) {
                    malformedRows.add(new BulkReport.RowError(record.getStartingLineNumber(), "row", "malformed-row",
                            "has " + record.getFieldCount() + " fields, the header has " + header.size()));
                    continue;
                }
                Map<String, @Nullable String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.getField(i).strip();
                    values.put(header.get(i), value.isEmpty() ? null : value);
                }
                rows.add(new BulkRow(record.getStartingLineNumber(), request(values)));
            }
            if (header == null) {
                throw new BadRequestException(new FieldViolation("body", "malformed-csv",
                        "the upload is empty: a header row naming the columns is needed"));
            }
        }
        catch (CsvParseException e) {
            throw new BadRequestException(new FieldViolation("body", "malformed-csv",
                    "the CSV is not well-formed: " + e.getMessage()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> header(CsvRecord record) {
        List<String> header = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (String raw : record.getFields()) {
            String name = raw.strip();
            String known = COLUMNS.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (known == null) {
                problems.add(new FieldViolation(name.isEmpty() ? "(empty)" : name, "unknown-column",
                        "is not a column; known columns: " + String.join(", ", COLUMNS)));
            }
            else {
                header.add(known);
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                problems.add(new FieldViolation(required, "missing-column", "the header must name this column"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("the CSV header (line 1) does not name the expected columns", problems);
        }
        return header;
    }

    private static RegisterDelegateRequest request(Map<String, @Nullable String> v) {
        return new RegisterDelegateRequest(v.get("givenName"), v.get("familyName"), v.get("email"),
                v.get("preferredLanguage"), v.get("title"), v.get("nativeGivenName"), v.get("nativeFamilyName"),
                v.get("phone"), v.get("timeZone"), v.get("accessibilityNeeds"), v.get("role"), v.get("category"),
                v.get("vipRank"), v.get("identityDocumentNumber"));
    }
}
