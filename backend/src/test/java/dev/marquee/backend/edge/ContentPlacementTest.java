package dev.marquee.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentPlacementTest {

    private static final int TITLES = 2000;

    private static Map<String, String> owners(List<String> nodes) {
        Map<String, String> owners = new HashMap<>();
        for (int t = 0; t < TITLES; t++) {
            owners.put("title-" + t, ContentPlacement.owner("title-" + t, nodes));
        }
        return owners;
    }

    @Test
    void spreadsTitlesEvenlyOverASitesNodesWhateverTheirOrder() {
        Map<String, String> owners = owners(List.of("isp-a", "isp-b"));
        long onA = owners.values().stream().filter("isp-a"::equals).count();
        assertThat(onA).isBetween(TITLES / 2 - 100L, TITLES / 2 + 100L); // ±4.5 standard deviations
        assertThat(owners(List.of("isp-b", "isp-a"))).isEqualTo(owners);
    }

    @Test
    void removingANodeMovesOnlyItsTitlesAndAddingOneTakesItsShareFromTheOthers() {
        Map<String, String> three = owners(List.of("isp-a", "isp-b", "isp-c"));
        Map<String, String> two = owners(List.of("isp-a", "isp-b"));

        long moved = three.keySet().stream().filter(t -> !three.get(t).equals(two.get(t))).count();
        assertThat(three.keySet()).filteredOn(t -> !three.get(t).equals(two.get(t)))
                .allMatch(t -> three.get(t).equals("isp-c"), "only isp-c's titles move when it goes");
        assertThat(moved).isBetween(TITLES / 3 - 100L, TITLES / 3 + 100L);
    }

    @Test
    void ranksEveryNodeForATitleTheOwnerFirst() {
        List<String> ranked = ContentPlacement.rank("title-7", List.of("isp-a", "isp-b", "isp-c"));
        assertThat(ranked).containsExactlyInAnyOrder("isp-a", "isp-b", "isp-c");
        assertThat(ranked.getFirst()).isEqualTo(ContentPlacement.owner("title-7", List.of("isp-c", "isp-b", "isp-a")));
        assertThat(ContentPlacement.rank("title-7", ranked.subList(1, 3))).isEqualTo(ranked.subList(1, 3));
        assertThatThrownBy(() -> ContentPlacement.owner("title-7", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
