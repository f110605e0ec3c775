package org.conferenceops.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

class MongoPingHealthIndicatorTest {

    @Test
    void reportsUpWhenTheDatabaseAnswersPing() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            Health health = new MongoPingHealthIndicator(new SimpleMongoClientDatabaseFactory(client, "health-test"),
                    Duration.ofSeconds(2)).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("ping", "ok");
        }
        finally {
            server.shutdownNow();
        }
    }

    @Test
    void reportsDownWithTheErrorClassWithinTheTimeoutWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // the driver's own server selection would wait 30 s: the indicator's timeout must bound it
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + closedPort))
                .applyToSocketSettings(socket -> socket.connectTimeout(200, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            long start = System.nanoTime();
            Health health = new MongoPingHealthIndicator(new SimpleMongoClientDatabaseFactory(client, "health-test"),
                    Duration.ofMillis(500)).health();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("error")).startsWith("com.mongodb.");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void registersTheIndicatorAsMongoInPlaceOfBootsOwn() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformHealthAutoConfiguration.class))
                .withBean(MongoDatabaseFactory.class, () -> new SimpleMongoClientDatabaseFactory(
                        MongoClients.create("mongodb://127.0.0.1:1"), "health-test"))
                .withPropertyValues("conference-ops.health.mongo.timeout=750ms")
                .run(context -> {
                    assertThat(context).hasSingleBean(MongoPingHealthIndicator.class);
                    assertThat(context).hasBean("mongoHealthIndicator");
                    assertThat(context.getBean(MongoHealthProperties.class).timeout())
                            .isEqualTo(Duration.ofMillis(750));
                });
    }

    @Test
    void canBeSwitchedOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformHealthAutoConfiguration.class))
                .withBean(MongoDatabaseFactory.class, () -> new SimpleMongoClientDatabaseFactory(
                        MongoClients.create("mongodb://127.0.0.1:1"), "health-test"))
                .withPropertyValues("conference-ops.health.mongo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MongoPingHealthIndicator.class));
    }
}
