package org.conferenceops.localstack;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.conferenceops.localstack.logging.ServiceThreadGroup;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service running as a Spring context in the launcher's JVM, beside the others. It is started and closed from a
 * thread of its own {@link ServiceThreadGroup}, so every thread it creates carries its name into the log.
 */
final class InProcessService implements AutoCloseable {

    private final ServiceSpec spec;
    private final ServiceThreadGroup threads;
    private final ConfigurableApplicationContext context;

    private InProcessService(ServiceSpec spec, ServiceThreadGroup threads, ConfigurableApplicationContext context) {
        this.spec = spec;
        this.threads = threads;
        this.context = context;
    }

    /**
     * Starts the service's application and returns once its context is refreshed (its web server listens).
     *
     * @throws IllegalStateException with the cause if the context fails to start
     */
    static InProcessService start(ServiceSpec spec, Map<String, String> properties) {
        ServiceThreadGroup threads = new ServiceThreadGroup(spec.name());
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        runIn(threads, spec.name() + "-main", () -> {
            try {
                Class<?> application = Class.forName(spec.mainClass(), true, classLoader);
                started.set(new SpringApplicationBuilder(application)
                        // one hook for the whole stack closes services before the infrastructure they use
                        .registerShutdownHook(false)
                        .run(ServiceProperties.asArguments(properties)));
            }
            catch (Throwable e) {
                failure.set(e);
            }
        });
        Throwable error = failure.get();
        if (error != null || started.get() == null) {
            throw new IllegalStateException(spec.name() + " did not start: " + rootMessage(error), error);
        }
        return new InProcessService(spec, threads, started.get());
    }

    ServiceSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        runIn(threads, spec.name() + "-close", context::close);
    }

    private static void runIn(ThreadGroup group, String name, Runnable action) {
        Thread thread = new Thread(group, action, name);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        try {
            thread.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    private static String rootMessage(@Nullable Throwable error) {
        if (error == null) {
            return "no application context";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
