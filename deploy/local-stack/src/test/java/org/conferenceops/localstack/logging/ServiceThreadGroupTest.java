package org.conferenceops.localstack.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceThreadGroupTest {

    @Test
    void threadsCreatedByAServiceThreadCarryTheServiceName() throws Exception {
        AtomicReference<Optional<String>> seenByPoolThread = new AtomicReference<>();
        Thread serviceMain = new Thread(new ServiceThreadGroup("pledge-service"), () -> {
            // a pool created while the service starts, like Tomcat's or a Kafka listener's
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                pool.submit(() -> seenByPoolThread.set(ServiceThreadGroup.serviceOf(Thread.currentThread()))).get();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
            finally {
                pool.shutdown();
            }
        });

        serviceMain.start();
        serviceMain.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(seenByPoolThread.get()).contains("pledge-service");
    }

    @Test
    void launcherThreadsBelongToNoService() {
        assertThat(ServiceThreadGroup.serviceOf(Thread.currentThread())).isEmpty();
    }
}
