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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the rows of a bulk upload from CSV (RFC 4180, UTF-8, a header row naming the fields of
 * {@link RegisterDelegateRequest}) or from a JSON array of such objects. An organiser's conference-wide upload has one
 * more column or field, {@value #DELEGATION}, naming each row's delegation. Structure errors that make the whole upload
 * unreadable are a 400 naming the line; problems of one row are left to validation, row by row.
 */
@Component
class BulkUploadReader {

    static final List<String> COLUMNS = List.of("givenName", "familyName", "email", "preferredLanguage", "title",
            "nativeGivenName", "nativeFamilyName", "phone", "timeZone", "accessibilityNeeds", "role", "category",
            "vipRank", "identityDocumentNumber");
    /** The column (CSV) or field (JSON) naming a row's delegation in a conference-wide upload. */
    static final String DELEGATION = "delegation";
    private static final Set<String> REQUIRED = Set.of("givenName", "familyName", "email", "preferredLanguage");

    private final JsonMapper json;

    BulkUploadReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The rows of a JSON array; each row's position (from 1) stands for its line.
     *
     * @param withDelegation whether each object also names its delegation (conference-wide upload)
     */
    List<BulkRow> json(byte[] body, boolean withDelegation) {
        List<JsonNode> items;
        try {
            items = json.readValue(body, new TypeReference<List<JsonNode>>() { });
        }
        catch (JacksonException e) {
            throw malformedJson(e, "the upload must be a JSON array of delegate objects");
        }
        if (items == null) {
            return List.of();
        }
        List<BulkRow> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ObjectNode item)) {
                throw new BadRequestException(new FieldViolation("[" + i + "]", "malformed-json", "must be an object"));
            }
            String delegation = null;
            if (withDelegation) {
                JsonNode named = item.remove(DELEGATION);
                delegation = named == null || !named.isString() || named.asString().isBlank() ? null
                        : named.asString().strip();
            }
            try {
                rows.add(new BulkRow(i + 1L, delegation, json.treeToValue(item, RegisterDelegateRequest.class)));
            }
            catch (JacksonException e) {
                throw new BadRequestException(new FieldViolation("[" + i + "]", "malformed-json",
                        "is not a delegate object"));
            }
        }
        return rows;
    }

    private static BadRequestException malformedJson(JacksonException e, String message) {
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return new BadRequestException(new FieldViolation("body", "malformed-json",
                message + (line > 0 ? " (error at line " + line + ")" : "")));
    }

    /**
     * The rows of a CSV upload; a row with a wrong number of fields is reported in {@code malformedRows}.
     *
     * @param withDelegation whether the header must also name the {@value #DELEGATION} column (conference-wide)
     */
    List<BulkRow> csv(byte[] body, List<BulkReport.RowError> malformedRows, boolean withDelegation) {
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
                    header = header(record, withDelegation);
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
                rows.add(new BulkRow(record.getStartingLineNumber(), values.get(DELEGATION), request(values)));
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

    private static List<String> header(CsvRecord record, boolean withDelegation) {
        List<String> header = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        List<String> columns = new ArrayList<>(COLUMNS);
        if (withDelegation) {
            columns.add(DELEGATION);
        }
        for (String raw : record.getFields()) {
            String name = raw.strip();
            String known = columns.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (known == null) {
                problems.add(new FieldViolation(name.isEmpty() ? "(empty)" : name, "unknown-column",
                        "is not a column; known columns: " + String.join(", ", columns)));
            }
            else {
                header.add(known);
            }
        }
        Set<String> required = new java.util.TreeSet<>(REQUIRED);
        if (withDelegation) {
            required.add(DELEGATION);
        }
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new FieldViolation(column, "missing-column", "the header must name this column"));
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
