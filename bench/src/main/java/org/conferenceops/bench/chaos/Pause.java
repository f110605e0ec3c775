package org.conferenceops.bench.chaos;

/** Waiting between polls of something outside this JVM (a process, a topic, an inbox). */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
