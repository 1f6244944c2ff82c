package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.EventTopic;
import dev.marquee.backend.events.TopicMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends published application events to their topics: those of a type with a {@link TopicMapping} bean (the
 * most specific mapped supertype wins) or annotated with {@link EventTopic}. Every other event costs one map
 * lookup. Runs on the publisher's thread; an append never blocks. A mapping to an unknown topic fails the start.
 */
@Component
class ApplicationEventBridge implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(ApplicationEventBridge.class);

    private final EventLog eventLog;
    private final List<TopicMapping<?>> mappings;
    private final Map<Class<?>, Optional<Route>> routes = new ConcurrentHashMap<>();

    ApplicationEventBridge(EventLog eventLog, List<TopicMapping<?>> mappings) {
        this.eventLog = eventLog;
        this.mappings = List.copyOf(mappings);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (TopicMapping<?> mapping : mappings) {
            if (!eventLog.topics().contains(mapping.topic())) {
                throw new IllegalStateException("TopicMapping of " + mapping.type().getName() + " names unknown topic " + mapping.topic());
            }
        }
    }

    @EventListener
    void on(Object event) {
        Optional<Route> route = routes.computeIfAbsent(event.getClass(), this::route);
        if (route.isEmpty()) {
            return;
        }
        try {
            eventLog.append(route.get().topic(), route.get().mapping() == null ? null : route.get().mapping().keyOf(event), event);
        } catch (IllegalArgumentException unknownTopic) {
            log.warn("Cannot append {} to the event log: {}", event.getClass().getSimpleName(), unknownTopic.getMessage());
        }
    }

    private Optional<Route> route(Class<?> type) {
        TopicMapping<?> best = null;
        for (TopicMapping<?> mapping : mappings) {
            if (mapping.type().isAssignableFrom(type) && (best == null || best.type().isAssignableFrom(mapping.type()))) {
                best = mapping;
            }
        }
        if (best != null) {
            return Optional.of(new Route(best.topic(), best));
        }
        EventTopic annotation = type.getAnnotation(EventTopic.class);
        return annotation == null ? Optional.empty() : Optional.of(new Route(annotation.value(), null));
    }

    private record Route(String topic, @Nullable TopicMapping<?> mapping) {}
}
