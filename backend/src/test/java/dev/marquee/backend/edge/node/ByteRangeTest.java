package dev.marquee.backend.edge.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @Test
    void parsesClosedOpenAndSuffixRanges() {
        assertThat(ByteRange.parse("bytes=0-99", SIZE)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=900-", SIZE)).isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-100", SIZE)).isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", SIZE)).isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=990-5000", SIZE)).isEqualTo(new ByteRange(990, 999));
    }

    @Test
    void marksRangesBeyondTheObjectUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=1000-", SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=5000-6000", SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=-0", SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @Test
    void ignoresMalformedAndMultipleRanges() {
        assertThat(ByteRange.parse(null, SIZE)).isNull();
        assertThat(ByteRange.parse("items=0-1", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,5-6", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=9-3", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=a-3", SIZE)).isNull();
        assertThat(ByteRange.parse("bytes=5", SIZE)).isNull();
    }
}
