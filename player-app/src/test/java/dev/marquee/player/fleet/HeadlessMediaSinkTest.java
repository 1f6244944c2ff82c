package dev.marquee.player.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadlessMediaSinkTest {

    private static final long SEGMENT_US = 2_000_000;

    private final FakeNanos clock = new FakeNanos();
    private final HeadlessMediaSink sink = new HeadlessMediaSink(clock);

    static byte[] ts(int packets) {
        byte[] segment = new byte[packets * HeadlessMediaSink.TS_PACKET_BYTES];
        for (int i = 0; i < segment.length; i += HeadlessMediaSink.TS_PACKET_BYTES) {
            segment[i] = HeadlessMediaSink.TS_SYNC_BYTE;
            segment[i + 1] = (byte) 0x5a; // payload that is not a sync byte
        }
        return segment;
    }

    @Test
    void playHeadWaitsForTheFirstSegmentThenFollowsTheWallClock() {
        sink.start();
        clock.advanceMs(700); // the first segment is still downloading
        assertThat(sink.positionUs()).isZero();
        assertThat(sink.stats().firstFrameNanos()).isZero();

        sink.append(ts(10), SEGMENT_US, 0);
        long first = clock.now;
        clock.advanceMs(1_500);

        assertThat(sink.positionUs()).isEqualTo(1_500_000);
        assertThat(sink.stats().firstFrameNanos()).isEqualTo(first);
    }

    @Test
    void playHeadStopsAtTheEndOfWhatWasAppendedAndResumesFromThereWhenMoreArrives() {
        sink.start();
        sink.append(ts(10), SEGMENT_US, 0);
        clock.advanceMs(5_000); // only 2 s were there: the buffer ran dry

        assertThat(sink.positionUs()).isEqualTo(SEGMENT_US);
        sink.append(ts(10), SEGMENT_US, 1);
        clock.advanceMs(500);

        assertThat(sink.positionUs()).isEqualTo(SEGMENT_US + 500_000); // not 5.5 s: the stalled time is not media
    }

    @Test
    void doesNotMoveWhilePaused() {
        sink.start();
        sink.append(ts(10), SEGMENT_US, 0);
        clock.advanceMs(300);
        sink.setPaused(true);
        clock.advanceMs(1_000);
        assertThat(sink.positionUs()).isEqualTo(300_000);

        sink.setPaused(false);
        clock.advanceMs(200);
        assertThat(sink.positionUs()).isEqualTo(500_000);
    }

    @Test
    void endsOnlyAfterPlayingOutEverythingOnceTheEndIsSignalled() {
        sink.start();
        sink.append(ts(10), SEGMENT_US, 0);
        sink.endOfStream();
        clock.advanceMs(1_999);
        assertThat(sink.ended()).isFalse();

        clock.advanceMs(1);
        assertThat(sink.ended()).isTrue();
    }

    @Test
    void refusesASegmentWhosePacketsDoNotStartWithTheSyncByte() {
        sink.start();
        byte[] wrongKey = ts(10);
        wrongKey[3 * HeadlessMediaSink.TS_PACKET_BYTES] = 0x3a;

        assertThatThrownBy(() -> sink.append(wrongKey, SEGMENT_US, 0))
                .isInstanceOf(HeadlessMediaSink.NotMpegTsException.class)
                .hasMessageContaining("packet 3").hasMessageContaining("wrong content key");
        assertThat(sink.segments()).isZero();
    }

    @Test
    void refusesASegmentThatIsNotAWholeNumberOfPackets() {
        assertThatThrownBy(() -> sink.append(new byte[1_000], SEGMENT_US, 0))
                .isInstanceOf(HeadlessMediaSink.NotMpegTsException.class).hasMessageContaining("1000 bytes");
    }

    @Test
    void countsSegmentsBytesAndMediaTimePerRung() {
        sink.start();
        sink.append(ts(10), SEGMENT_US, 0);
        sink.append(ts(20), SEGMENT_US, 2);
        sink.append(ts(20), SEGMENT_US, 2);

        assertThat(sink.segments()).isEqualTo(3);
        assertThat(sink.bytes()).isEqualTo(50L * HeadlessMediaSink.TS_PACKET_BYTES);
        assertThat(sink.mediaUsByRung()[0]).isEqualTo(SEGMENT_US);
        assertThat(sink.mediaUsByRung()[2]).isEqualTo(2 * SEGMENT_US);
    }

    @Test
    void outputKeepsCountingAcrossTheSinksOfSeeks() {
        HeadlessMediaSink.Output output = new HeadlessMediaSink.Output(clock);
        var first = (HeadlessMediaSink) output.newSink(null);
        first.start();
        first.append(ts(10), SEGMENT_US, 0);
        var second = (HeadlessMediaSink) output.newSink(null);
        second.start();
        second.append(ts(5), SEGMENT_US, 0);

        assertThat(output.segments()).isEqualTo(2);
        assertThat(output.bytes()).isEqualTo(15L * HeadlessMediaSink.TS_PACKET_BYTES);
        assertThat(output.sink()).isSameAs(second);
    }

    /** Nanoseconds that move only when the test says so. */
    static final class FakeNanos implements HeadlessMediaSink.Clock {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        void advanceMs(long ms) {
            now += ms * 1_000_000;
        }
    }
}
