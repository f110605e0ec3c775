package org.conferenceops.registration.reference;

/**
 * A state that may send a delegation.
 *
 * @param code     ISO 3166-1 alpha-3 code, upper case
 * @param name     the name the UN uses, in English
 * @param observer true for non-member observer states
 */
public record State(String code, String name, boolean observer) {
}
