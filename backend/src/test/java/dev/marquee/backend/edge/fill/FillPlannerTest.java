package dev.marquee.backend.edge.fill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.TitleDemand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FillPlannerTest {

    private static final Map<String, List<FillPlanner.OriginObject>> ORIGIN = Map.of(
            "big", List.of(obj("titles/big/a.ts", 600), obj("titles/big/b.ts", 300)),
            "hit", List.of(obj("titles/hit/a.ts", 300), obj("titles/hit/master.m3u8", 10)),
            "small", List.of(obj("titles/small/a.ts", 100)),
            "niche", List.of(obj("titles/niche/a.ts", 100)));

    private static FillPlanner.OriginObject obj(String key, long bytes) {
        return new FillPlanner.OriginObject(key, bytes);
    }

    @Test
    void takesTheMostWantedObjectsThatFitInTheFillShareOfCapacity() {
        List<TitleDemand> forecast = List.of(new TitleDemand("small", 5), new TitleDemand("hit", 90),
                new TitleDemand("big", 50), new TitleDemand("niche", 1));

        FillPlan plan = FillPlanner.plan("isp-1", 1000, forecast, t -> ORIGIN.getOrDefault(t, List.of()));

        // Budget 800: hit (310) fits, big's a.ts (600) does not, its b.ts (300) and small (100) do; niche would make 810.
        FillPlan tight = FillPlanner.plan("isp-1", (long) (800 / FillPlanner.FILL_SHARE), forecast,
                t -> ORIGIN.getOrDefault(t, List.of()));
        assertThat(tight.budgetBytes()).isEqualTo(800);
        assertThat(tight.titles()).containsExactly("hit", "big", "small");
        assertThat(tight.keys()).containsExactly("titles/hit/a.ts", "titles/hit/master.m3u8", "titles/big/b.ts",
                "titles/small/a.ts");
        assertThat(tight.bytes()).isEqualTo(710);
        // Budget 1000 (the whole capacity): hit (310) and big's a.ts (600) fit, nothing else does.
        assertThat(plan.budgetBytes()).isEqualTo((long) (1000 * FillPlanner.FILL_SHARE));
        assertThat(plan.titles()).containsExactly("hit", "big");
        assertThat(plan.keys()).containsExactly("titles/hit/a.ts", "titles/hit/master.m3u8", "titles/big/a.ts");
        assertThat(plan.bytes()).isEqualTo(910);
    }

    @Test
    void theOpeningSegmentsOfManyTitlesGoBeforeTheEndingsOfAFew() {
        // Viewers abandon: a title twice as popular is worth less at its 8th segment than another at its 1st.
        List<FillPlanner.OriginObject> a = new java.util.ArrayList<>();
        List<FillPlanner.OriginObject> b = new java.util.ArrayList<>();
        for (int s = 1; s <= 8; s++) {
            a.add(obj("titles/a/720p/seg-%05d.ts".formatted(s), 100));
            b.add(obj("titles/b/720p/seg-%05d.ts".formatted(s), 100));
        }
        Map<String, List<FillPlanner.OriginObject>> origin = Map.of("a", a, "b", b);
        long capacity = (long) Math.ceil(1000 / FillPlanner.FILL_SHARE); // a budget of ten segments

        FillPlan plan = FillPlanner.plan("isp-1", capacity, List.of(new TitleDemand("a", 2), new TitleDemand("b", 1)),
                origin::get);

        assertThat(plan.keys()).hasSize(10)
                .contains("titles/a/720p/seg-00001.ts", "titles/b/720p/seg-00001.ts", "titles/b/720p/seg-00002.ts")
                .doesNotContain("titles/a/720p/seg-00008.ts");
        assertThat(plan.keys().getFirst()).isEqualTo("titles/a/720p/seg-00001.ts");
    }

    @Test
    void readsTheSegmentNumberFromTheKey() {
        assertThat(FillPlanner.segmentNumber("titles/x/720p/seg-00042.ts")).isEqualTo(42);
        assertThat(FillPlanner.segmentNumber("titles/x/1080p/seg-00001.m4s")).isEqualTo(1);
        assertThat(FillPlanner.segmentNumber("titles/x/master.m3u8")).isEqualTo(1);
        assertThat(FillPlanner.segmentNumber("titles/x/720p/seg-99999999999.ts")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void skipsTitlesTheOriginDoesNotHaveAndTitlesNobodyWants() {
        FillPlan plan = FillPlanner.plan("isp-1", 10_000,
                List.of(new TitleDemand("gone", 100), new TitleDemand("small", 3), new TitleDemand("niche", 0)),
                t -> ORIGIN.getOrDefault(t, List.of()));
        assertThat(plan.titles()).containsExactly("small");
    }
}
