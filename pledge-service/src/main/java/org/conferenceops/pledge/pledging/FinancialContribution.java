package org.conferenceops.pledge.pledging;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Money pledged, exact: a decimal amount in an ISO 4217 currency, never a floating-point number.
 *
 * @param amount   the amount, positive, with at most the currency's minor-unit digits
 * @param currency ISO 4217 code, e.g. {@code USD}
 * @param purpose  what it pays for, if said
 */
public record FinancialContribution(BigDecimal amount, String currency, @Nullable String purpose) {
}
