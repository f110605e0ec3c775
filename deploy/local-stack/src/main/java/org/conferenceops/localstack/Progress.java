package org.conferenceops.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Numbered progress lines on the terminal, e.g. {@code [1/8] Kafka broker (KRaft) ... ready on 127.0.0.1:19092 (2.1 s)}. */
final class Progress {

    private final PrintStream terminal;
    private final int total;
    private int current;

    Progress(PrintStream terminal, int total) {
        this.terminal = terminal;
        this.total = total;
    }

    /** Starts the next numbered step; nothing is printed until the step says how it went or {@link Step#announce}s. */
    Step next(String label) {
        current++;
        return new Step("[" + current + "/" + total + "] " + label, System.nanoTime());
    }

    void note(String line) {
        terminal.println("      " + line);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** One numbered step. */
    final class Step {

        private final String prefix;
        private final long started;

        private Step(String prefix, long started) {
            this.prefix = prefix;
            this.started = started;
        }

        /** For long steps whose own output follows: says the step has begun. */
        void announce(String what) {
            terminal.println(prefix + " " + what);
        }

        void ready(String where) {
            terminal.println(prefix + " ... ready on " + where + " (" + seconds(elapsed()) + ")");
        }

        void external(String where) {
            terminal.println(prefix + " ... using " + where + " (not started here)");
        }

        void failed(String reason) {
            terminal.println(prefix + " ... FAILED after " + seconds(elapsed()) + ": " + reason);
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
