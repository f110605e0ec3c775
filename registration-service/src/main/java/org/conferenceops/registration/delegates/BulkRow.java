package org.conferenceops.registration.delegates;

import org.jspecify.annotations.Nullable;

/**
 * One row of a bulk upload.
 *
 * @param line       the CSV line the row starts on, or the 1-based position in a JSON array
 * @param delegation the row's delegation (its id or code) in an organiser's conference-wide upload; null in a
 *                   delegation's own upload, where the address names it
 * @param request    the row's content
 */
record BulkRow(long line, @Nullable String delegation, RegisterDelegateRequest request) {
}
