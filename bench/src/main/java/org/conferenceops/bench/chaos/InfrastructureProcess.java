package org.conferenceops.bench.chaos;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.conferenceops.infra.issuer.DevTokenIssuer;
import org.conferenceops.infra.kafka.KraftBroker;
import org.conferenceops.infra.mail.MailServer;
import org.conferenceops.infra.mongo.EmbeddedMongo;

/**
 * One piece of infrastructure in its own JVM, so that the suite can SIGKILL, SIGSTOP or restart it by pid:
 * {@code kafka <port> <controller-port> <log-dir>}, {@code mongo <port> <h2-file>} or
 * {@code mail-issuer <smtp-port> <inbox-port> <issuer-port> <key-file>}. Runs until killed; SIGTERM stops the
 * server cleanly (Kafka flushes, the H2 file is closed).
 */
public final class InfrastructureProcess {

    private InfrastructureProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<AutoCloseable> started = switch (args[0]) {
            case "kafka" -> List.of(KraftBroker.builder().port(Integer.parseInt(args[1]))
                    .controllerPort(Integer.parseInt(args[2])).logDir(Path.of(args[3])).build().start());
            case "mongo" -> List.of(EmbeddedMongo.builder().port(Integer.parseInt(args[1])).h2File(Path.of(args[2]))
                    .build().start());
            case "mail-issuer" -> List.of(
                    MailServer.builder().smtpPort(Integer.parseInt(args[1])).httpPort(Integer.parseInt(args[2])).build()
                            .start(),
                    DevTokenIssuer.builder().port(Integer.parseInt(args[3])).keyFile(Path.of(args[4])).build().start());
            default -> throw new IllegalArgumentException("unknown component " + args[0]);
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.reversed().forEach(resource -> {
            try {
                resource.close();
            }
            catch (Exception e) {
                // the process ends anyway; the next start recovers the data
            }
        }), "infrastructure-shutdown"));
        System.out.println("ready " + args[0]);
        new CountDownLatch(1).await();
    }
}
