package org.conferenceops.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

/** A compound index's positions as keys gain and lose documents (one position alone, several in a set). */
class SecondaryIndexTest {

    private final SecondaryIndex index = new SecondaryIndex("delegate_created",
            List.of(new IndexKey("delegateId", true), new IndexKey("createdAt", true)), false);

    private static Document notification(String id, String delegateId, String createdAt) {
        return new Document("_id", id).append("delegateId", delegateId).append("createdAt", createdAt);
    }

    @Test
    void aKeyGoesFromOneDocumentToSeveralAndBackWithoutLosingOrRepeatingOne() {
        Document first = notification("n1", "d1", "10:00");
        Document second = notification("n2", "d1", "10:00");
        Document third = notification("n3", "d1", "10:20");
        index.add(first, "n1", null);
        index.add(first, "n1", null);
        assertThat(index.getCount()).as("the same position twice is one entry").isEqualTo(1);

        index.add(second, "n2", null);
        index.add(third, "n3", null);

        assertThat(index.positionsOf(Set.of(key("d1", "10:00")))).containsExactly("n1", "n2");
        assertThat(index.positionsOf(Set.of(key("d1")))).as("by the prefix").containsExactly("n1", "n2", "n3");
        assertThat(index.countOf(Set.of(key("d1")))).isEqualTo(3);
        assertThat(index.getCount()).isEqualTo(3);

        assertThat(index.remove(first)).isEqualTo("n1");
        assertThat(index.positionsOf(Set.of(key("d1", "10:00")))).containsExactly("n2");
        assertThat(viewOf(Set.of(key("d1", "10:00")))).containsExactly("n2");
        index.remove(second);
        index.remove(second);
        assertThat(index.positionsOf(Set.of(key("d1", "10:00")))).isEmpty();
        assertThat(index.countOf(Set.of(key("d1", "10:00")))).isZero();
        assertThat(index.positionsOf(Set.of(key("d1")))).containsExactly("n3");
        assertThat(index.countWithAValue()).isEqualTo(1);
        assertThat(index.positionsWithAValue()).containsExactly("n3");
        assertThat(index.getCount()).isEqualTo(1);

        index.updateInPlace(third, notification("n3", "d2", "10:20"), "n3", null);
        assertThat(index.positionsOf(Set.of(key("d1")))).isEmpty();
        assertThat(viewOfAValue()).containsExactly("n3");
        assertThat(index.positionsOf(Set.of(key("d2", "10:20"), key("d1", "10:20")))).containsExactly("n3");
    }

    @Test
    void manyDocumentsUnderOneKeyKeepTheirOrderAcrossTheArrayLimitAndEachIsRemovedOnce() {
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 3 * SecondaryIndex.Positions.ARRAY_LIMIT; i++) {
            index.add(notification("n" + i, "d1", "10:00"), "n" + i, null);
            expected.add("n" + i);
            if (i % 5 == 4) {
                index.remove(notification("n" + (i - 2), "d1", "10:00"));
                expected.remove("n" + (i - 2));
            }
            assertThat(index.positionsOf(Set.of(key("d1", "10:00")))).as("after n%d", i).isEqualTo(expected);
        }
        assertThat(index.countOf(Set.of(key("d1")))).isEqualTo(expected.size());

        SecondaryIndex.Positions positions = new SecondaryIndex.Positions();
        for (int i = 0; i < SecondaryIndex.Positions.ARRAY_LIMIT + 2; i++) {
            assertThat(positions.add("p" + i)).isTrue();
            assertThat(positions.add("p" + i)).as("a position is kept once").isFalse();
        }
        assertThat(positions.remove("p0")).isTrue();
        assertThat(positions.remove("p0")).isFalse();
        assertThat(positions).hasSize(SecondaryIndex.Positions.ARRAY_LIMIT + 1).contains("p1").doesNotContain("p0");
        assertThat(positions.first()).isEqualTo("p1");
    }

    @Test
    void keysOfThreeAndFourFieldsAndOfMissingFieldsFindTheirDocumentsByEveryPrefix() {
        SecondaryIndex wide = new SecondaryIndex("wide", List.of(new IndexKey("conferenceId", true),
                new IndexKey("status", true), new IndexKey("channel", true), new IndexKey("createdAt", true)), false);
        Document sent = new Document("_id", "n1").append("conferenceId", "seoul").append("status", "SENT")
                .append("channel", "EMAIL").append("createdAt", "10:00");
        Document failed = new Document("_id", "n2").append("conferenceId", "seoul").append("status", "FAILED")
                .append("channel", "EMAIL").append("createdAt", "10:00");
        Document bare = new Document("_id", "n3").append("status", "SENT");
        for (Document document : List.of(sent, failed, bare)) {
            wide.add(document, document.get("_id"), null);
        }

        assertThat(wide.positionsOf(Set.of(key("seoul", "SENT", "EMAIL", "10:00")))).containsExactly("n1");
        assertThat(wide.positionsOf(Set.of(key("seoul", "SENT", "EMAIL")))).containsExactly("n1");
        assertThat(wide.positionsOf(Set.of(key("seoul", "FAILED")))).containsExactly("n2");
        assertThat(wide.positionsOf(Set.of(key("seoul")))).containsExactly("n1", "n2");
        assertThat(wide.positionsOf(Set.of(nullKey()))).as("a missing field is keyed as null").containsExactly("n3");
        assertThat(wide.positionsWithAValue()).containsExactly("n1", "n2");
        assertThat(wide.getCount()).isEqualTo(3);

        wide.remove(sent);
        assertThat(wide.positionsOf(Set.of(key("seoul", "SENT", "EMAIL", "10:00")))).isEmpty();
        assertThat(wide.positionsOf(Set.of(key("seoul")))).containsExactly("n2");
    }

    private static KeyValue nullKey() {
        return new KeyValue(java.util.Collections.singletonList(null));
    }

    private List<Object> viewOf(Set<KeyValue> keys) {
        List<Object> read = new ArrayList<>();
        index.positionsView(keys).forEach(read::add);
        return read;
    }

    private List<Object> viewOfAValue() {
        List<Object> read = new ArrayList<>();
        index.positionsWithAValueView().forEach(read::add);
        return read;
    }

    private static KeyValue key(Object... values) {
        return new KeyValue(List.of(values));
    }
}
