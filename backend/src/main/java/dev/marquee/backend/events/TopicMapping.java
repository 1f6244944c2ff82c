package dev.marquee.backend.events;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Says that application events of a type are appended to a topic. Any module contributes one as a bean, e.g.
 * {@code @Bean TopicMapping<BreakerTransitioned> breakers() { return TopicMapping.keyed(BreakerTransitioned.class,
 * Topics.BREAKER_TRANSITIONS, BreakerTransitioned::name); }}, and keeps publishing its events with Spring's
 * {@code ApplicationEventPublisher} as before: the events module's bridge appends every published event whose
 * class is (a subtype of) {@code type}. An event type may instead be annotated with {@link EventTopic}.
 *
 * @param key the record key (which partition, and ordering within it); {@code null} spreads round-robin
 */
public record TopicMapping<E>(Class<E> type, String topic, Function<? super E, @Nullable String> key) {

    public static <E> TopicMapping<E> keyed(Class<E> type, String topic, Function<? super E, @Nullable String> key) {
        return new TopicMapping<>(type, topic, key);
    }

    public static <E> TopicMapping<E> unkeyed(Class<E> type, String topic) {
        return new TopicMapping<>(type, topic, event -> null);
    }

    /** The key of an event known to be of this mapping's type. */
    public @Nullable String keyOf(Object event) {
        return key.apply(type.cast(event));
    }
}
