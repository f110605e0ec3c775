package org.conferenceops.pledge.pledging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.shared.UnLanguage;
import org.jspecify.annotations.Nullable;

/**
 * What a pledge offers, as sent to submit or correct it. Quantities are whole numbers (a fraction is refused, not
 * rounded); absent quantities are 0.
 *
 * @param category               one of the pledge categories
 * @param units                  whole units offered
 * @param personnel              personnel offered
 * @param womenPersonnel         of which women (at most {@code personnel})
 * @param equipment              major equipment, e.g. {@code [{"item":"Mi-17 utility helicopter","quantity":12}]}
 * @param financialContributions money pledged: decimal amounts (JSON numbers or strings) with ISO 4217 currencies
 * @param a4pAreas               A4P commitment areas
 * @param description            free text, in any UN language
 * @param descriptionLanguage    the language of the description: ar, zh, en, fr, ru or es
 */
public record OfferRequest(
        @NotNull PledgeCategory category,
        @Nullable @PositiveOrZero Integer units,
        @Nullable @PositiveOrZero Integer personnel,
        @Nullable @PositiveOrZero Integer womenPersonnel,
        @Nullable @Size(max = 50) List<@Valid @NotNull EquipmentRequest> equipment,
        @Nullable @Size(max = 20) List<@Valid @NotNull MoneyRequest> financialContributions,
        @Nullable Set<@NotNull A4pArea> a4pAreas,
        @NotBlank @Size(max = 4000) String description,
        @NotNull UnLanguage descriptionLanguage) {

    /**
     * One kind of equipment.
     *
     * @param item     what, e.g. {@code Mi-17 utility helicopter}
     * @param quantity how many, at least 1
     */
    public record EquipmentRequest(@NotBlank @Size(max = 200) String item, @NotNull @Positive Integer quantity) {
    }

    /**
     * An amount of money, exact.
     *
     * @param amount   positive decimal, at most 15 integer and 3 fraction digits
     * @param currency ISO 4217 code, e.g. USD
     * @param purpose  what it pays for
     */
    public record MoneyRequest(@NotNull @Positive @Digits(integer = 15, fraction = 3) BigDecimal amount,
            @NotBlank(message = "is required with every amount") @Pattern(regexp = "[A-Z]{3}",
                    message = "must be an ISO 4217 code such as USD") String currency,
            @Nullable @Size(max = 500) String purpose) {
    }

    Offer toOffer() {
        return new Offer(category, orZero(units), orZero(personnel), orZero(womenPersonnel),
                equipment == null ? List.of()
                        : equipment.stream().map(e -> new EquipmentItem(e.item().strip(), e.quantity())).toList(),
                financialContributions == null ? List.of()
                        : financialContributions.stream()
                                .map(m -> new FinancialContribution(m.amount(), m.currency(), m.purpose())).toList(),
                a4pAreas == null ? Set.of() : a4pAreas, description, descriptionLanguage == null
                        ? UnLanguage.UNKNOWN : descriptionLanguage);
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
