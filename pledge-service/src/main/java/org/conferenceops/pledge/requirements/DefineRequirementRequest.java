package org.conferenceops.pledge.requirements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.jspecify.annotations.Nullable;

/**
 * A capability requirement as an organiser enters it from a UN requirements paper.
 *
 * @param id             a stable id, e.g. {@code req-utility-helicopter-units}
 * @param title          what is needed, in words
 * @param category       the pledge category that counts
 * @param measure        UNITS, PERSONNEL or EQUIPMENT_ITEMS
 * @param quantityNeeded how many
 * @param countingStatus the lowest pledge status that counts, e.g. ANNOUNCED or LEVEL_2
 * @param mission        the mission it is for, if one
 * @param source         the paper it comes from
 */
public record DefineRequirementRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,80}", message = "lowercase letters, digits and dashes")
        String id,
        @NotBlank @Size(max = 200) String title,
        @NotNull PledgeCategory category,
        @NotNull CapabilityMeasure measure,
        @NotNull @PositiveOrZero Integer quantityNeeded,
        @NotNull PledgeStatus countingStatus,
        @Nullable @Size(max = 100) String mission,
        @NotBlank @Size(max = 300) String source) {
}
