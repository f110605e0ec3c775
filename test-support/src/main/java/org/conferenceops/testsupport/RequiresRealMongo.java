package org.conferenceops.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that needs a feature only a real MongoDB has (e.g. TTL expiry, transactions, change streams). It is
 * skipped, with the reason shown, when the tests run against the embedded wire-protocol server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RealMongoCondition.class)
public @interface RequiresRealMongo {

    /** The MongoDB feature needed, shown in the skip reason. */
    String value();
}
