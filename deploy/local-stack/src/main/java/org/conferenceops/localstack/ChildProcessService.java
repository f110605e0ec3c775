package org.conferenceops.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child JVM from its executable jar ({@code <module>/target/*-exec.jar}), with its output
 * appended to {@code <data-dir>/logs/<service>.log}.
 */
final class ChildProcessService implements AutoCloseable {

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx384m", "-Xshare:auto");
    private static final long STOP_SECONDS = 30;

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;

    private ChildProcessService(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts the service's jar with the properties as {@code --key=value} arguments, using the launcher's own
     * {@code java}.
     *
     * @throws IllegalStateException if the jar has not been built
     */
    static ChildProcessService launch(ServiceSpec spec, Map<String, String> properties, Path homeDir, Path logDir) {
        Path jar = executableJar(homeDir.resolve(spec.module()).resolve("target"), spec);
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(JVM_OPTIONS);
        if (Runtime.version().feature() >= 23) {
            // the child runs this JVM's java; Kafka clients and Netty would warn about sun.misc.Unsafe otherwise
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(ServiceProperties.asArguments(properties)));
        try {
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve(spec.name() + ".log");
            Process process = new ProcessBuilder(command)
                    .directory(homeDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            return new ChildProcessService(spec, process, logFile);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name() + " from " + jar, e);
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM, so Spring shuts down gracefully; after {@value #STOP_SECONDS} s, SIGKILL. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path executableJar(Path targetDir, ServiceSpec spec) {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(targetDir)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(targetDir, "*-exec.jar")) {
                found.forEach(jars::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot list " + targetDir, e);
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no executable jar for " + spec.name() + " in " + targetDir
                    + "; build it first: ./mvnw -DskipTests install -pl " + spec.module() + " -am");
        }
        jars.sort(null);
        return jars.getLast();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
