package org.conferenceops.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One component of the chaos stack as an OS process of its own, started from a fixed command line with its output
 * appended to a log file, so that it can be SIGKILLed, SIGTERMed, SIGSTOPped, resumed and started again.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Path workDir;
    private @Nullable Process process;

    ChildProcess(String name, List<String> command, Path logFile, Path workDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.workDir = workDir;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the process (again); does nothing if it runs. */
    public synchronized ChildProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The pid of the running process, or -1. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        Process running = current();
        if (running != null) {
            running.destroyForcibly();
            waitGone(running, 30);
        }
    }

    /** SIGTERM (a clean shutdown), then SIGKILL after {@code seconds}. */
    public void terminate(long seconds) {
        Process running = current();
        if (running == null) {
            return;
        }
        running.destroy();
        if (!waitGone(running, seconds)) {
            running.destroyForcibly();
            waitGone(running, 10);
        }
    }

    /** SIGSTOP: the process is frozen, its sockets stay open but nothing answers. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    @Override
    public void close() {
        resume();
        terminate(30);
    }

    private void signal(String signal) {
        long pid = pid();
        if (pid < 0) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized @Nullable Process current() {
        return process != null && process.isAlive() ? process : null;
    }

    private static boolean waitGone(Process process, long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
