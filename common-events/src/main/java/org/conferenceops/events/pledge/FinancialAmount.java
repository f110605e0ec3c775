package org.conferenceops.events.pledge;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Money pledged, exact. On the wire the amount is a JSON <em>string</em> holding a decimal number (e.g.
 * {@code "2500000.00"}), never a JSON number, so that no reader (JavaScript, a spreadsheet import) passes it through a
 * binary floating-point type; read it into a decimal type ({@code BigDecimal}). Amounts of different currencies are
 * never added up.
 *
 * @param amount   the amount, positive, with at most the currency's minor-unit digits, e.g. {@code 2500000.00}
 * @param currency ISO 4217 code, e.g. {@code USD}
 * @param purpose  what it pays for, e.g. Elsie Initiative Fund; null when not said
 */
public record FinancialAmount(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
        @Nullable String purpose) {

    public FinancialAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
