package org.conferenceops.registration.delegates;

/**
 * One row of a bulk upload.
 *
 * @param line    the CSV line the row starts on, or the 1-based position in a JSON array
 * @param request the row's content
 */
record BulkRow(long line, RegisterDelegateRequest request) {
}
