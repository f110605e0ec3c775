package org.conferenceops.registration.badges;

/**
 * What a verified badge QR says.
 *
 * @param badgeId      the badge
 * @param conferenceId the conference it was issued for
 */
public record BadgeClaims(String badgeId, String conferenceId) {
}
