package org.conferenceops.localstack.logging;

import java.util.Optional;

/**
 * The thread group a service is started in when several services share one JVM. Threads inherit the group of the
 * thread that creates them, so the web server's, Kafka clients' and schedulers' threads of a service all end up in
 * its group, and {@link ServiceNameConverter} can put the service's name on their log lines.
 */
public final class ServiceThreadGroup extends ThreadGroup {

    /** A group named after the service, e.g. {@code registration-service}. */
    public ServiceThreadGroup(String serviceName) {
        super(serviceName);
    }

    /** The service whose group {@code thread} belongs to, directly or through a parent group. */
    public static Optional<String> serviceOf(Thread thread) {
        // virtual threads report one shared group and carry no service
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            if (group instanceof ServiceThreadGroup) {
                return Optional.of(group.getName());
            }
        }
        return Optional.empty();
    }
}
