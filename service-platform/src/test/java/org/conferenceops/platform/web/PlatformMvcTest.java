package org.conferenceops.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.conferenceops.platform.security.PlatformSecurityAutoConfiguration;
import org.conferenceops.platform.security.SecuredTestController;
import org.conferenceops.platform.security.TestTokens;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring MVC slice with the platform's web and security auto-configuration, the test controllers and a JWT
 * decoder trusting {@link TestTokens}; no Kafka, no MongoDB, no full application. Body limits are small (1 KB, 4 KB
 * on upload paths) so the tests need no large payloads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { ProblemTestController.class, SecuredTestController.class }, properties = {
        "conference-ops.web.max-request-size=1KB", "conference-ops.web.max-upload-size=4KB",
        // the test decoder replaces any key source: keep the shared test issuer from being started for nothing
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused",
        "conference-ops.security.issuer=" })
@ContextConfiguration(classes = PlatformMvcTest.Setup.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class })
public @interface PlatformMvcTest {

    /** Registers what the slice does not scan for, since there is no application class to scan from. */
    @Configuration(proxyBeanMethods = false)
    @Import({ ProblemTestController.class, SecuredTestController.class, TestTokens.DecoderConfiguration.class,
            ChunkedRequestFilter.Registration.class })
    class Setup {
    }
}
