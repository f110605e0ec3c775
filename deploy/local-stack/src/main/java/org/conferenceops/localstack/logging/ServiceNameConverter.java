package org.conferenceops.localstack.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback conversion word {@code %service}: the name of the service whose thread logged the event, or
 * {@code local-stack} for the launcher's own threads and the embedded infrastructure. Needed because Boot's
 * {@code APPLICATION_NAME} is one value per JVM, which is wrong when four services share it.
 */
public class ServiceNameConverter extends ClassicConverter {

    private static final String LAUNCHER = "local-stack";

    @Override
    public String convert(ILoggingEvent event) {
        // appenders are synchronous here, so the converting thread is the logging thread
        return ServiceThreadGroup.serviceOf(Thread.currentThread()).orElse(LAUNCHER);
    }
}
