package org.conferenceops.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden fixtures: one folder per logical type, one file per published version ({@code v<N>.json}) plus
 * variants ({@code v<N>-<what>.json}). Fixtures are never edited, only added.
 */
public record Fixtures(Path file) {

    public static Path root() {
        URL url = Fixtures.class.getResource("/fixtures");
        if (url == null) {
            throw new IllegalStateException("no fixtures on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Fixtures> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(Fixtures::new).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String type() {
        return file.getParent().getFileName().toString();
    }

    public int version() {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf(name.contains("-") ? '-' : '.')));
    }

    public byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return type() + "/" + file.getFileName();
    }
}
