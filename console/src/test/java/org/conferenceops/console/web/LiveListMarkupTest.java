package org.conferenceops.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every list the console refreshes on a server-sent event keeps its trigger on an element that is not swapped out.
 * htmx queues a refresh announced while the previous one is in flight on the element that asked, and drops it when
 * that element has been replaced by the response (an {@code outerHTML} swap of itself): the second of two changes
 * in quick succession never showed (seen in CI on the delegate's feed: accreditation, then badge).
 */
class LiveListMarkupTest {

    private static final Pattern TAG = Pattern.compile("<[a-z]+\\b[^>]*hx-trigger=\"sse:[^\"]*\"[^>]*>", Pattern.DOTALL);

    @Test
    void aLiveListIsRefreshedByAWrapperThatStaysAndTargetsIt() throws IOException {
        List<String> triggers = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher tag = TAG.matcher(Files.readString(template));
                while (tag.find()) {
                    triggers.add(template.getFileName() + ": " + tag.group());
                }
            }
        }

        assertThat(triggers).as("the live pages: feed, agenda, programme, pledge gap").hasSizeGreaterThanOrEqualTo(4);
        assertThat(triggers).allSatisfy(trigger -> {
            assertThat(trigger).as("swaps another element").contains("hx-target=\"#");
            assertThat(trigger).as("is not the fragment the response replaces").doesNotContain("th:fragment")
                    .doesNotContain(" id=\"");
        });
    }
}
