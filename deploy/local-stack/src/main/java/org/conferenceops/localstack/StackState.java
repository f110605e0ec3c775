package org.conferenceops.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <data-dir>/stack.json}: the running stack's addresses and the launcher's pid, for the
 * {@code conference-ops} script's {@code status}, {@code token} and {@code stop}. Written once the stack is up,
 * deleted on a clean exit; flat keys, one per line, so a script can read it without jq.
 */
final class StackState {

    static final String FILE_NAME = "stack.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private StackState() {
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    static void write(Path file, Map<String, Object> state) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(state));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // a stale file is detected by its dead pid next time
        }
    }

    /** The pid recorded in {@code file} if that process is still alive. */
    static OptionalLong livePid(Path file) {
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        try {
            JsonNode pid = JSON.readTree(file.toFile()).get("pid");
            if (pid == null || !pid.canConvertToLong()) {
                return OptionalLong.empty();
            }
            long value = pid.asLong();
            boolean alive = value != ProcessHandle.current().pid()
                    && ProcessHandle.of(value).map(ProcessHandle::isAlive).orElse(false);
            return alive ? OptionalLong.of(value) : OptionalLong.empty();
        }
        catch (JacksonException e) {
            return OptionalLong.empty();
        }
    }
}
