package dev.marquee.backend.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an application event type whose published instances are appended (unkeyed) to a topic, the
 * annotation alternative to a {@link TopicMapping} bean. A mapping bean for the same type wins.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventTopic {
    /** The topic name, e.g. {@link Topics#CHAOS_EVENTS}. */
    String value();
}
