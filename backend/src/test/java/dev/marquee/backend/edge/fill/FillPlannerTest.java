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
    void takesTheMostWantedTitlesThatFitInTheFillShareOfCapacity() {
        List<TitleDemand> forecast = List.of(new TitleDemand("small", 5), new TitleDemand("hit", 90),
                new TitleDemand("big", 50), new TitleDemand("niche", 1));

        FillPlan plan = FillPlanner.plan("isp-1", 1000, forecast, t -> ORIGIN.getOrDefault(t, List.of()));

        // Budget 900: hit (310) fits, big (900) does not, small (100) and niche (100) do.
        assertThat(plan.budgetBytes()).isEqualTo((long) (1000 * FillPlanner.FILL_SHARE));
        assertThat(plan.titles()).containsExactly("hit", "small", "niche");
        assertThat(plan.keys()).containsExactly("titles/hit/a.ts", "titles/hit/master.m3u8", "titles/small/a.ts",
                "titles/niche/a.ts");
        assertThat(plan.bytes()).isEqualTo(510);
    }

    @Test
    void skipsTitlesTheOriginDoesNotHaveAndTitlesNobodyWants() {
        FillPlan plan = FillPlanner.plan("isp-1", 10_000,
                List.of(new TitleDemand("gone", 100), new TitleDemand("small", 3), new TitleDemand("niche", 0)),
                t -> ORIGIN.getOrDefault(t, List.of()));
        assertThat(plan.titles()).containsExactly("small");
    }
}
