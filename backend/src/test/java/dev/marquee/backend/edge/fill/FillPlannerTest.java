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
    void takesTheObjectsMostWantedPerByteThatFitInTheFillShareOfCapacity() {
        List<TitleDemand> forecast = List.of(new TitleDemand("small", 5), new TitleDemand("hit", 90),
                new TitleDemand("big", 50), new TitleDemand("niche", 1));
        // Per byte: hit's playlist 9, hit's a.ts 0.3, big's b.ts 0.17, big's a.ts 0.083, small 0.05, niche 0.01.

        FillPlan tight = FillPlanner.plan("isp-1", (long) (800 / FillPlanner.FILL_SHARE), forecast,
                t -> ORIGIN.getOrDefault(t, List.of()));
        FillPlan plan = FillPlanner.plan("isp-1", 1000, forecast, t -> ORIGIN.getOrDefault(t, List.of()));

        // Budget 800: hit (310) and big's b.ts (300) fit, big's a.ts (600) does not, small (100) does; niche would make 810.
        assertThat(tight.budgetBytes()).isEqualTo(800);
        assertThat(tight.titles()).containsExactly("hit", "big", "small");
        assertThat(tight.keys()).containsExactly("titles/hit/master.m3u8", "titles/hit/a.ts", "titles/big/b.ts",
                "titles/small/a.ts");
        assertThat(tight.bytes()).isEqualTo(710);
        // Budget 1000 (the whole capacity): big's a.ts buys 50 plays for 600 bytes; small and niche buy 6 for 200.
        assertThat(plan.budgetBytes()).isEqualTo((long) (1000 * FillPlanner.FILL_SHARE));
        assertThat(plan.titles()).containsExactly("hit", "big", "small", "niche");
        assertThat(plan.keys()).containsExactly("titles/hit/master.m3u8", "titles/hit/a.ts", "titles/big/b.ts",
                "titles/small/a.ts", "titles/niche/a.ts");
        assertThat(plan.bytes()).isEqualTo(810);
    }

    @Test
    void fillsTheRungsTheRegionPlaysOnceTheEdgesHaveCountedThem() {
        // One title in three rungs of 4 segments; the 1080p segments are four times the 480p ones.
        List<FillPlanner.OriginObject> objects = new java.util.ArrayList<>();
        Map<String, Long> counts = new java.util.HashMap<>();
        for (int s = 1; s <= 4; s++) {
            objects.add(obj("titles/a/240p/seg-%05d.ts".formatted(s), 100));
            objects.add(obj("titles/a/480p/seg-%05d.ts".formatted(s), 200));
            objects.add(obj("titles/a/1080p/seg-%05d.ts".formatted(s), 800));
            counts.put("titles/a/1080p/seg-%05d.ts".formatted(s), 90L); // nine viewers in ten on TVs ...
            counts.put("titles/a/480p/seg-%05d.ts".formatted(s), 10L); // ... the rest on phones; nobody at 240p
        }
        List<TitleDemand> plays = List.of(new TitleDemand("a", 100));
        long capacity = (long) Math.ceil(3200 / FillPlanner.FILL_SHARE); // the 1080p rung, or everything else

        FillPlan measured = FillPlanner.plan("isp-1", capacity,
                new FillForecast(plays, ObjectShares.fromRequests(counts)), t -> objects);
        FillPlan assumed = FillPlanner.plan("isp-1", capacity, plays, t -> objects);

        // Per byte: 1080p 0.9/800 beats 480p 0.1/200 and 240p 0/100.
        assertThat(measured.keys()).hasSize(4).allMatch(k -> k.contains("/1080p/"));
        // Without counts every rung is alike, so the cheapest rungs win per byte: the rung nobody plays among them.
        assertThat(assumed.keys()).contains("titles/a/240p/seg-00001.ts", "titles/a/240p/seg-00004.ts")
                .doesNotContain("titles/a/1080p/seg-00004.ts");
    }

    @Test
    void fillsDeeperIntoTheTitleWhoseViewersMeasurablyStay() {
        // Equal plays; viewers of "stay" watch all four segments, viewers of "leave" stop after the first.
        List<FillPlanner.OriginObject> stay = new java.util.ArrayList<>();
        List<FillPlanner.OriginObject> leave = new java.util.ArrayList<>();
        Map<String, Long> counts = new java.util.HashMap<>();
        for (int s = 1; s <= 4; s++) {
            stay.add(obj("titles/stay/720p/seg-%05d.ts".formatted(s), 100));
            leave.add(obj("titles/leave/720p/seg-%05d.ts".formatted(s), 100));
            counts.put("titles/stay/720p/seg-%05d.ts".formatted(s), 100L);
        }
        counts.put("titles/leave/720p/seg-00001.ts", 100L);
        Map<String, List<FillPlanner.OriginObject>> origin = Map.of("stay", stay, "leave", leave);
        // "leave" is forecast a little more popular: with assumed retention its second segment would come first.
        List<TitleDemand> plays = List.of(new TitleDemand("stay", 1.0), new TitleDemand("leave", 1.1));
        long capacity = (long) Math.ceil(400 / FillPlanner.FILL_SHARE);

        FillPlan measured = FillPlanner.plan("isp-1", capacity,
                new FillForecast(plays, ObjectShares.fromRequests(counts)), origin::get);
        FillPlan assumed = FillPlanner.plan("isp-1", capacity, plays, origin::get);

        assertThat(measured.keys()).containsExactly("titles/leave/720p/seg-00001.ts", "titles/stay/720p/seg-00001.ts",
                "titles/stay/720p/seg-00002.ts", "titles/stay/720p/seg-00003.ts");
        assertThat(assumed.keys()).contains("titles/leave/720p/seg-00002.ts");
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
