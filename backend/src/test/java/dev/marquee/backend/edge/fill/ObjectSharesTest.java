package dev.marquee.backend.edge.fill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectSharesTest {

    private static String seg(String title, String rung, int n) {
        return "titles/%s/%s/seg-%05d.ts".formatted(title, rung, n);
    }

    @Test
    void measuresWhichRungsArePlayedAndHowFarViewersGetPerPlay() {
        Map<String, Long> counts = new HashMap<>();
        // 1000 plays of "a": 800 at 1080p and 200 at 480p for the opening; 600 of the 1080p viewers reach segment 2.
        counts.put(seg("a", "1080p", 1), 800L);
        counts.put(seg("a", "480p", 1), 200L);
        counts.put(seg("a", "1080p", 2), 600L);

        ObjectShares shares = ObjectShares.fromRequests(counts);

        assertThat(shares.measured()).isTrue();
        assertThat(shares.plays("a")).isEqualTo(1000);
        // With only one title, its own share and the region's agree.
        assertThat(shares.perPlay(seg("a", "1080p", 1))).isCloseTo(0.8, within(1e-9));
        assertThat(shares.perPlay(seg("a", "480p", 1))).isCloseTo(0.2, within(1e-9));
        assertThat(shares.perPlay(seg("a", "1080p", 2))).isCloseTo(0.6, within(1e-9));
        assertThat(shares.perPlay(seg("a", "240p", 1))).as("a rung nobody plays").isZero();
        assertThat(shares.perPlay(seg("unseen", "1080p", 1))).as("a title without plays follows the region")
                .isCloseTo(0.8, within(1e-9));
    }

    @Test
    void aTitleSeenOftenFollowsItsOwnViewersAndATitleSeenRarelyTheRegion() {
        Map<String, Long> counts = new HashMap<>();
        counts.put(seg("tv", "1080p", 1), 1000L); // the region watches on TVs ...
        counts.put(seg("kids", "360p", 1), 200L); // ... but this title on tablets
        counts.put(seg("rare", "360p", 1), 1L); // one play, at 360p

        ObjectShares shares = ObjectShares.fromRequests(counts);

        // Region: 1201 plays, 1000 of them at 1080p.
        assertThat(shares.perPlay(seg("kids", "360p", 1))).isGreaterThan(0.9);
        assertThat(shares.perPlay(seg("kids", "1080p", 1))).isLessThan(0.1);
        assertThat(shares.perPlay(seg("rare", "1080p", 1)))
                .as("one play at 360p does not outweigh 1201 plays of the region")
                .isGreaterThan(shares.perPlay(seg("rare", "360p", 1)));
        double pooled1080 = 1000.0 / 1201;
        assertThat(shares.perPlay(seg("rare", "1080p", 1)))
                .isCloseTo(ObjectShares.PRIOR_PLAYS * pooled1080 / (1 + ObjectShares.PRIOR_PLAYS), within(1e-9));
    }

    @Test
    void comparesRungsAcrossPerTitleLaddersByHeightAndCountsPlaysWhereMostViewersAre() {
        Map<String, Long> counts = new HashMap<>();
        counts.put(seg("a", "720p-2400k", 1), 100L);
        counts.put(seg("b", "720p-3100k", 3), 50L); // viewers resuming mid-title: no opening requested
        counts.put(seg("b", "720p-3100k", 4), 40L);

        ObjectShares shares = ObjectShares.fromRequests(counts);

        assertThat(ObjectShares.slotOf(seg("a", "720p-2400k", 1))).isEqualTo("720p/seg-00001.ts");
        assertThat(ObjectShares.slotOf("titles/a/master.m3u8")).isEqualTo("master.m3u8");
        assertThat(ObjectShares.rungOf("titles/a/master.m3u8")).isNull();
        assertThat(shares.plays("b")).isEqualTo(50);
        assertThat(shares.perPlay(seg("c", "720p-900k", 1))).as("pooled by height").isCloseTo(100.0 / 150, within(1e-9));
    }

    @Test
    void saysNothingBeforeAnythingIsMeasured() {
        assertThat(ObjectShares.NONE.measured()).isFalse();
        assertThat(ObjectShares.NONE.perPlay(seg("a", "720p", 1))).isNaN();
        assertThat(ObjectShares.fromRequests(Map.of("other/file", 5L, seg("a", "720p", 1), 0L)).measured()).isFalse();
    }
}
