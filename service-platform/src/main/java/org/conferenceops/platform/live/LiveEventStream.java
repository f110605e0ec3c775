package org.conferenceops.platform.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventEnvelope;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.events.InvalidEventException;
import org.conferenceops.platform.messaging.EventContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the live topics with a consumer that belongs to no group and is assigned every partition, so each
 * replica reads everything. Partitions found at start-up are read from their end (what was published before this
 * replica started is history, not news); partitions that appear later are read from their beginning, since all
 * they hold was published after start-up. Nothing is committed: a restarted replica starts from the end again.
 */
public class LiveEventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventStream.class);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final EventCodec codec;
    private final LiveProperties properties;
    private final Map<String, List<LiveEventListener<?>>> listenersByType = new HashMap<>();
    private final MeterRegistry meters;
    private final String serviceName;
    private final CountDownLatch followingAll = new CountDownLatch(1);
    private volatile boolean running;
    private volatile @Nullable Consumer<byte[], byte[]> consumer;
    private @Nullable Thread thread;

    public LiveEventStream(Supplier<Consumer<byte[], byte[]>> consumers, EventCodec codec, LiveProperties properties,
            List<LiveEventListener<?>> listeners, MeterRegistry meters, String serviceName) {
        this.consumers = consumers;
        this.codec = codec;
        this.properties = properties;
        this.meters = meters;
        this.serviceName = serviceName;
        for (LiveEventListener<?> listener : listeners) {
            String type = codec.catalogue().describe(listener.eventType()).type();
            listenersByType.computeIfAbsent(type, key -> new ArrayList<>()).add(listener);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread follower = new Thread(this::follow, serviceName + "-live-events");
        follower.setDaemon(true);
        thread = follower;
        follower.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread follower = thread;
        if (follower != null) {
            try {
                follower.join(properties.pollTimeout().toMillis() * 4 + 5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Waits until every partition of every live topic that exists is assigned and positioned, so that what is
     * published from now on is seen. For tests and start-up checks.
     */
    public boolean awaitFollowing(Duration timeout) throws InterruptedException {
        return followingAll.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void follow() {
        org.slf4j.MDC.put("application", serviceName);
        Set<TopicPartition> assigned = new HashSet<>();
        boolean firstLookup = true;
        long nextDiscovery = 0;
        try (Consumer<byte[], byte[]> kafka = consumers.get()) {
            consumer = kafka;
            while (running) {
                try {
                    if (System.nanoTime() - nextDiscovery >= 0) {
                        boolean changed = discover(kafka, assigned, firstLookup);
                        if (changed || firstLookup) {
                            followingAll.countDown();
                        }
                        firstLookup = false;
                        nextDiscovery = System.nanoTime() + properties.discoveryInterval().toNanos();
                    }
                    if (assigned.isEmpty()) {
                        sleep(properties.pollTimeout());
                        continue;
                    }
                    ConsumerRecords<byte[], byte[]> records = kafka.poll(properties.pollTimeout());
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        deliver(record.value());
                    }
                }
                catch (WakeupException e) {
                    if (running) {
                        throw e;
                    }
                }
                catch (RuntimeException e) {
                    log.warn("Live event stream interrupted, resuming: {}", e.toString());
                    sleep(properties.pollTimeout());
                }
            }
        }
        finally {
            consumer = null;
        }
    }

    /** Assigns partitions not yet followed; returns whether anything new was assigned. */
    private boolean discover(Consumer<byte[], byte[]> kafka, Set<TopicPartition> assigned, boolean atStartUp) {
        Set<TopicPartition> found = new HashSet<>();
        for (String topic : properties.topics()) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, properties.discoveryInterval());
            if (partitions != null) {
                partitions.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        found.removeAll(assigned);
        if (found.isEmpty()) {
            return false;
        }
        assigned.addAll(found);
        kafka.assign(assigned);
        if (atStartUp) {
            kafka.seekToEnd(found);
        }
        else {
            kafka.seekToBeginning(found);
        }
        // resolve the positions now, so "from the end" means the end at this moment, not at the first poll
        found.forEach(kafka::position);
        log.info("Following {} live partition(s) of {}", assigned.size(), properties.topics());
        return true;
    }

    private void deliver(byte @Nullable [] value) {
        if (value == null) {
            return;
        }
        EventEnvelope envelope;
        IntegrationEvent event;
        try {
            envelope = codec.read(value);
            List<LiveEventListener<?>> targets = listenersByType.get(envelope.type());
            if (targets == null) {
                return;
            }
            event = codec.payload(envelope);
            EventContext context = new EventContext(envelope.id(), envelope.type(), envelope.dataVersion(),
                    envelope.source(), envelope.subject(), envelope.time(), envelope.correlationId(),
                    envelope.aggregateVersion());
            for (LiveEventListener<?> listener : targets) {
                try {
                    tell(listener, event, context);
                    counter("delivered").increment();
                }
                catch (RuntimeException e) {
                    counter("failed").increment();
                    log.warn("Live listener {} failed on {} {}: {}", listener, envelope.type(), envelope.id(),
                            e.toString());
                }
            }
        }
        catch (InvalidEventException e) {
            counter("invalid").increment();
            log.debug("Skipping a record on a live topic: {}", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends IntegrationEvent> void tell(LiveEventListener<E> listener, IntegrationEvent event,
            EventContext context) {
        listener.onEvent((E) event, context);
    }

    private Counter counter(String outcome) {
        return Counter.builder("events.live").tag("outcome", outcome)
                .description("Events given to live listeners, by outcome").register(meters);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
