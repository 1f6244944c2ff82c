package dev.marquee.backend.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns a wire record into a mutable map, to send variants of it that the record itself would never hold. */
final class TestJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestJson() {}

    static Map<String, Object> mutable(Object value) {
        return new LinkedHashMap<>(JSON.convertValue(value, new TypeReference<Map<String, Object>>() {}));
    }
}
