package dev.marquee.backend.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaturityRatingTest {

    @Test
    void kidsSeeOnlyRatingsUpToTvPg() {
        assertThat(MaturityRating.values())
                .filteredOn(MaturityRating::isSuitableForKids)
                .containsExactly(MaturityRating.TV_Y, MaturityRating.TV_Y7, MaturityRating.G, MaturityRating.TV_G,
                        MaturityRating.PG, MaturityRating.TV_PG);
    }

    @Test
    void ordersFromLeastToMostMature() {
        assertThat(MaturityRating.G.isAtMost(MaturityRating.PG_13)).isTrue();
        assertThat(MaturityRating.R.isAtMost(MaturityRating.PG_13)).isFalse();
        assertThat(MaturityRating.TV_MA.compareTo(MaturityRating.TV_14)).isPositive();
    }

    @Test
    void parsesLabelsLenientlyAndTreatsUnknownAsNotRated() {
        assertThat(MaturityRating.parse("PG-13")).isEqualTo(MaturityRating.PG_13);
        assertThat(MaturityRating.parse(" tv_y7 ")).isEqualTo(MaturityRating.TV_Y7);
        assertThat(MaturityRating.parse("tvma")).isEqualTo(MaturityRating.TV_MA);
        assertThat(MaturityRating.parse("X")).isEqualTo(MaturityRating.NR);
        assertThat(MaturityRating.NR.isSuitableForKids()).isFalse();
    }

    @Test
    void viewerContextHidesMatureTitlesFromKidsOnly() {
        assertThat(ViewerContext.KIDS.mayWatch(MaturityRating.TV_MA)).isFalse();
        assertThat(ViewerContext.KIDS.mayWatch(MaturityRating.TV_Y)).isTrue();
        assertThat(ViewerContext.ADULT.mayWatch(MaturityRating.TV_MA)).isTrue();
    }
}
