package org.conferenceops.registration.delegates;

import java.util.List;

/**
 * The answer to a bulk upload: good rows are registered, each bad row is reported with its line and reason.
 *
 * @param received the number of rows read
 * @param created  the number of delegates registered (including ones a retried upload had already registered)
 * @param failed   the number of rows refused
 * @param delegates the registered rows and their delegate ids
 * @param errors    one entry per refused row and reason, in line order
 */
public record BulkReport(int received, int created, int failed, List<CreatedRow> delegates, List<RowError> errors) {

    /** A row that became a delegate. */
    public record CreatedRow(long line, String delegateId) {
    }

    /**
     * Why a row was refused.
     *
     * @param line    the CSV line (or JSON array position, from 1)
     * @param field   the column or field at fault, or {@code row}
     * @param code    a stable rule code, e.g. {@code not-blank}, {@code duplicate-email}, {@code delegation-size-cap}
     * @param message the explanation (never echoing personal data)
     */
    public record RowError(long line, String field, String code, String message) {
    }
}
