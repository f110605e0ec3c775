package org.conferenceops.registration.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;

/** Identity documents are encrypted, bound to their delegate and never printed. */
class IdentityDocumentCipherTest {

    @Test
    void aSealedValueOpensOnlyForItsDelegateAndNeverShowsThePlaintext() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        IdentityDocumentCipher cipher = new IdentityDocumentCipher(generator.generateKey());

        SealedValue sealed = cipher.seal("dlg-1", "P1234567");

        assertThat(sealed.data()).doesNotContain("P1234567");
        assertThat(sealed.toString()).doesNotContain(sealed.data());
        assertThat(cipher.seal("dlg-1", "P1234567")).isNotEqualTo(sealed);
        assertThat(cipher.open("dlg-1", sealed)).isEqualTo("P1234567");
        assertThatThrownBy(() -> cipher.open("dlg-2", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("P1234567");
    }
}
