package org.conferenceops.registration.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Keys come from configuration in production; generating them into the database needs the development switch. */
class ServiceKeysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private LocalKey stored;
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(MongoTemplate.class, () -> mongo)
            .withBean(Clock.class, () -> CLOCK)
            .withUserConfiguration(ServiceKeys.class);

    @Test
    void theServiceRefusesToStartWithoutKeysWhenTheDevelopmentSwitchIsOff() {
        context.withPropertyValues("registration.keys.badge-signing-key=", "registration.keys.identity-document-key=")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause()
                            .hasMessageContaining("registration.keys.identity-document-key (IDENTITY_DOCUMENT_KEY)")
                            .hasMessageContaining("BADGE_SIGNING_KEY").hasMessageContaining("BADGE_VERIFYING_KEY")
                            .hasMessageContaining("services.registration.keysSecret");
                });
        verify(mongo, never()).findById(any(), any());
        verify(mongo, never()).insert(any(LocalKey.class));
    }

    @Test
    void aPartlyConfiguredProductionServiceNamesOnlyTheMissingKey() throws Exception {
        KeyPair badge = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        context.withPropertyValues("registration.keys.identity-document-key=" + aesKey(),
                "registration.keys.badge-signing-key=" + b64(badge.getPrivate().getEncoded()))
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("BADGE_VERIFYING_KEY").hasMessageNotContaining("BADGE_SIGNING_KEY)")
                        .hasMessageNotContaining("IDENTITY_DOCUMENT_KEY)"));
    }

    @Test
    void configuredKeysAreUsedAndTheDatabaseIsNotTouched() throws Exception {
        KeyPair badge = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        context.withPropertyValues("registration.keys.identity-document-key=" + aesKey(),
                "registration.keys.badge-signing-key=" + b64(badge.getPrivate().getEncoded()),
                "registration.keys.badge-verifying-key=" + b64(badge.getPublic().getEncoded()))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    ServiceKeys keys = started.getBean(ServiceKeys.class);
                    assertThat(keys.identityDocumentKey().getEncoded()).hasSize(32);
                    Signature signer = Signature.getInstance("Ed25519");
                    signer.initSign(keys.badgeKeys().getPrivate());
                    signer.update(new byte[] { 1, 2, 3 });
                    Signature verifier = Signature.getInstance("Ed25519");
                    verifier.initVerify(badge.getPublic());
                    verifier.update(new byte[] { 1, 2, 3 });
                    assertThat(verifier.verify(signer.sign())).isTrue();
                });
        verify(mongo, never()).findById(any(), any());
        verify(mongo, never()).insert(any(LocalKey.class));
    }

    @Test
    void withTheDevelopmentSwitchMissingKeysAreGeneratedOnceAndKeptInTheDatabase() {
        when(mongo.findById(eq("identity-document-aes"), eq(LocalKey.class))).thenReturn(null,
                new LocalKey("identity-document-aes", aesKey(), CLOCK.instant()));
        when(mongo.findById(eq("badge-signing-ed25519"), eq(LocalKey.class))).thenAnswer(invocation -> stored);
        when(mongo.insert(any(LocalKey.class))).thenAnswer(invocation -> {
            LocalKey key = invocation.getArgument(0);
            if (key.toString().startsWith("LocalKey[badge")) {
                stored = key;
            }
            return key;
        });
        context.withPropertyValues("registration.keys.generate-local-defaults=true")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(ServiceKeys.class).badgeKeys().getPublic().getAlgorithm())
                            .isIn("Ed25519", "EdDSA");
                });
    }

    private static String aesKey() {
        return b64(new byte[32]);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
