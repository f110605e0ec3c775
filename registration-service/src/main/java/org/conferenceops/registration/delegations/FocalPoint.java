package org.conferenceops.registration.delegations;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The person who registers and approves the delegation's people.
 *
 * @param name  full name
 * @param email contact address
 */
public record FocalPoint(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {

    @Override
    public String toString() {
        return "FocalPoint[redacted]";
    }
}
