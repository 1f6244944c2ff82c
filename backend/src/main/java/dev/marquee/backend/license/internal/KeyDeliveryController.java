package dev.marquee.backend.license.internal;

import dev.marquee.backend.license.ContentKeys;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * HLS key delivery: {@code GET /api/license/keys/{titleId}} answers the 16 raw key bytes that an
 * {@code EXT-X-KEY:METHOD=AES-128} URI points at. The security configuration must keep this path
 * authenticated (a bearer token); it is never public and never cacheable by shared caches.
 */
@RestController
class KeyDeliveryController {
    private final ContentKeys keys;

    KeyDeliveryController(ContentKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/api/license/keys/{titleId}")
    ResponseEntity<?> key(@PathVariable UUID titleId) {
        return keys.find(titleId)
                .<ResponseEntity<?>>map(key -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .body(key))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no content key for title " + titleId)));
    }
}
