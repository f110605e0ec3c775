package org.conferenceops.pledge.pledging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;

/**
 * What a member state offers, as submitted or corrected, before it becomes a numbered {@link PledgeContent}. The
 * factory checks the rules that span fields: the quantities add up and money has what it needs to be exact.
 */
record Offer(PledgeCategory category, int units, int personnel, int womenPersonnel, List<EquipmentItem> equipment,
        List<FinancialContribution> financialContributions, Set<A4pArea> a4pAreas, String description,
        UnLanguage descriptionLanguage) {

    Offer {
        equipment = List.copyOf(equipment);
        financialContributions = List.copyOf(financialContributions);
        a4pAreas = Set.copyOf(a4pAreas);
        List<FieldViolation> violations = new ArrayList<>();
        if (category == PledgeCategory.UNKNOWN) {
            violations.add(new FieldViolation("category", "unknown-category", "is not a known pledge category"));
        }
        if (units < 0 || personnel < 0 || womenPersonnel < 0) {
            violations.add(new FieldViolation("quantities", "negative-quantity", "quantities must be >= 0"));
        }
        if (womenPersonnel > personnel) {
            violations.add(new FieldViolation("womenPersonnel", "women-exceed-personnel",
                    "must not exceed personnel (" + personnel + ")"));
        }
        for (int i = 0; i < equipment.size(); i++) {
            if (equipment.get(i).quantity() < 1) {
                violations.add(new FieldViolation("equipment[" + i + "].quantity", "not-positive", "must be >= 1"));
            }
        }
        for (int i = 0; i < financialContributions.size(); i++) {
            checkMoney(financialContributions.get(i), "financialContributions[" + i + "]", violations);
        }
        if (category == PledgeCategory.FINANCIAL && financialContributions.isEmpty()) {
            violations.add(new FieldViolation("financialContributions", "amount-required",
                    "a financial pledge needs at least one amount with its currency"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("pledge-quantities", "The pledge's figures do not add up", violations);
        }
    }

    private static void checkMoney(FinancialContribution money, String field, List<FieldViolation> violations) {
        Currency currency;
        try {
            currency = Currency.getInstance(money.currency());
        }
        catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field + ".currency", "unknown-currency", "is not an ISO 4217 code"));
            return;
        }
        if (money.amount().signum() <= 0) {
            violations.add(new FieldViolation(field + ".amount", "not-positive", "must be greater than 0"));
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (money.amount().stripTrailingZeros().scale() > digits) {
            violations.add(new FieldViolation(field + ".amount", "too-many-decimals",
                    "has more decimals than " + currency.getCurrencyCode() + " allows (" + digits + ")"));
        }
    }

    PledgeContent toContent(int revision, Instant at, String by) {
        return new PledgeContent(revision, category, units, personnel, womenPersonnel, equipment,
                financialContributions.stream().map(Offer::normalised).toList(), a4pAreas, description.strip(),
                descriptionLanguage, at, by);
    }

    private static FinancialContribution normalised(FinancialContribution money) {
        int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
        BigDecimal amount = money.amount().setScale(digits, java.math.RoundingMode.UNNECESSARY);
        return new FinancialContribution(amount, money.currency(), money.purpose());
    }
}
