package dev.marquee.backend.edge.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentedLruTest {

    private record Obj(String key, long size) {}

    private static final long CAPACITY = 1000;
    private final SegmentedLru<Obj> lru = new SegmentedLru<>(CAPACITY, Obj::size);

    private java.util.List<Obj> put(String key, long size) {
        return lru.put(key, new Obj(key, size));
    }

    @Test
    void evictsTheLeastRecentlyUsedOnProbationFirst() {
        put("a", 400);
        put("b", 400);
        assertThat(put("c", 400)).extracting(Obj::key).containsExactly("a");
        assertThat(lru.sizeBytes()).isEqualTo(800);
        assertThat(lru.keys()).containsExactly("b", "c");
    }

    @Test
    void protectsObjectsSeenTwiceFromAScanOfOneOffObjects() {
        put("popular", 300);
        assertThat(lru.get("popular")).isNotNull(); // second access: promoted to protected
        for (int i = 0; i < 20; i++) {
            put("scan-" + i, 300);
        }
        assertThat(lru.keys()).contains("popular");
        assertThat(lru.sizeBytes()).isLessThanOrEqualTo(CAPACITY);
    }

    @Test
    void demotesFromAFullProtectedSegmentInsteadOfGrowingIt() {
        for (String k : new String[] {"a", "b", "c"}) {
            put(k, 300);
            lru.get(k);
        }
        // Protected holds at most 800 bytes: promoting c demoted a (its least recent) back to probation.
        assertThat(put("d", 300)).extracting(Obj::key).containsExactly("a");
    }

    @Test
    void keepsTheNewestEntryUnlessItAloneExceedsTheCapacity() {
        put("a", 900);
        assertThat(put("b", 900)).extracting(Obj::key).containsExactly("a");
        assertThat(lru.keys()).containsExactly("b");
        assertThat(put("huge", 5000)).extracting(Obj::key).containsExactly("b", "huge");
        assertThat(lru.count()).isZero();
    }

    @Test
    void keepsPlannedEntriesOverOneOffMissesFilledAfterThem() {
        lru.put("planned-1", new Obj("planned-1", 300), true);
        lru.put("planned-2", new Obj("planned-2", 300), true);
        for (int i = 0; i < 10; i++) {
            put("miss-" + i, 300);
        }
        assertThat(lru.keys()).contains("planned-1", "planned-2");
        assertThat(lru.sizeBytes()).isLessThanOrEqualTo(CAPACITY);
    }

    @Test
    void replacingAnEntryDoesNotCountItsBytesTwice() {
        put("a", 400);
        put("a", 500);
        assertThat(lru.sizeBytes()).isEqualTo(500);
        assertThat(lru.remove("a")).isNotNull();
        assertThat(lru.sizeBytes()).isZero();
    }
}
