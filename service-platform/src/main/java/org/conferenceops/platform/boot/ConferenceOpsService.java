package org.conferenceops.platform.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a service's Spring Boot application class. The name becomes {@code spring.application.name} and the
 * name of the service's configuration file ({@code <name>.yml}), so that all four services can share one
 * classpath in the all-in-one local stack without their {@code application.yml} files shadowing each other.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConferenceOpsService {

    /** The service name, e.g. {@code registration-service}. */
    String value();
}
