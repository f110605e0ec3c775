package org.conferenceops.infra.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the issuer's RSA signing key, and keeps it in a JWK file so tokens outlive a restart. */
final class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final int KEY_SIZE = 2048;

    private SigningKeyStore() {
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** The key in {@code file}, or a new one written there (readable by the owner only) when there is none. */
    static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            try {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException(file + " holds a public key only; delete it to get a new key");
                }
                return key;
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read the issuer key " + file, e);
            }
            catch (ParseException e) {
                throw new IllegalStateException("the issuer key " + file + " is not an RSA JWK; delete it to get a new"
                        + " key (tokens minted with the old one stop working)", e);
            }
        }
        RSAKey key = generate();
        write(file, key.toJSONString());
        log.info("Generated a new issuer signing key {} in {}", key.getKeyID(), file);
        return key;
    }

    private static void write(Path file, String json) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the issuer key " + file, e);
        }
    }
}
