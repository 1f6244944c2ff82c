package dev.marquee.player.sim;

import dev.marquee.player.engine.DefaultAbrManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The policies the simulator knows by name: the player's own and the baselines it is compared with. */
public final class Policies {

    /** The player's {@link DefaultAbrManager}, driven through {@link AbrManagerPolicy}. */
    public static final String MARQUEE = "marquee";

    private static final Map<String, Supplier<SimPolicy>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(MARQUEE, () -> new AbrManagerPolicy(DefaultAbrManager::new));
        BY_NAME.put("bb", BufferBasedPolicy::new);
        BY_NAME.put("throughput", ThroughputRulePolicy::new);
        BY_NAME.put("mpc", RobustMpcPolicy::new);
        BY_NAME.put("bola", BolaPolicy::new);
    }

    private Policies() {}

    /** Every known name, the player's first. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** A fresh policy of that name; an unknown name is a clear error listing the known ones. */
    public static SimPolicy create(String name) {
        Supplier<SimPolicy> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "': choose one of " + names());
        }
        return factory.get();
    }
}
