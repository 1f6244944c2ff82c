package dev.marquee.backend.edge.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void acceptsOriginKeys() {
        assertThat(ObjectKeys.keyOf("/titles/abc-1/720p/seg-00001.ts")).isEqualTo("titles/abc-1/720p/seg-00001.ts");
        assertThat(ObjectKeys.keyOf("/titles/abc/master.m3u8")).isEqualTo("titles/abc/master.m3u8");
    }

    @Test
    void refusesTraversalHiddenFilesEscapesAndEmptySegments() {
        for (String bad : new String[] {"/", "", "titles/a.ts", "/titles/../etc/passwd", "/titles/./a.ts", "/..",
                "/titles/.part", "/titles//a.ts", "/titles/a.ts/", "/titles/%2e%2e/a.ts", "/titles\\..\\a.ts",
                "/titles/a b.ts", "/titles/\u00e9.ts"}) {
            assertThat(ObjectKeys.keyOf(bad)).as(bad).isNull();
        }
    }

    @Test
    void refusesPathsDeeperOrLongerThanAnyObject() {
        assertThat(ObjectKeys.keyOf("/a".repeat(ObjectKeys.MAX_DEPTH))).isNotNull();
        assertThat(ObjectKeys.keyOf("/a".repeat(ObjectKeys.MAX_DEPTH + 1))).isNull();
        assertThat(ObjectKeys.keyOf("/" + "a".repeat(ObjectKeys.MAX_KEY_CHARS))).isNull();
    }

    @Test
    void findsTheTitleOfAKey() {
        assertThat(ObjectKeys.titleOf("titles/t9/720p/seg-1.ts")).isEqualTo("t9");
        assertThat(ObjectKeys.titleOf("titles/t9")).isNull();
        assertThat(ObjectKeys.titleOf("artwork/x.jpg")).isNull();
    }
}
