package dev.marquee.backend.catalog.internal;

import dev.marquee.model.catalog.CatalogPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves artwork images from the origin: public, cacheable for {@code marquee.catalog.artwork-max-age} and
 * immutable (URLs carry the title's revision). Answers conditional requests with 304 from a strong ETag made of
 * the file's size and modification time, as static file servers do. Serves only files the catalog published;
 * the path pattern admits no separators or dots beyond {@code kind-variant.jpg}.
 */
@RestController
class ArtworkController {

    private final CatalogStore store;
    private final ArtworkFiles files;
    private final CacheControl cacheControl;

    ArtworkController(CatalogStore store, ArtworkFiles files, CatalogProperties properties) {
        this.store = store;
        this.files = files;
        this.cacheControl = CacheControl.maxAge(properties.artworkMaxAge()).cachePublic().immutable();
    }

    @GetMapping(CatalogPaths.ARTWORK + "/{titleId}/{kind:[a-z]{1,20}}-{variant:[0-9]{1,6}}.jpg")
    ResponseEntity<Resource> artwork(@PathVariable UUID titleId, @PathVariable String kind,
            @PathVariable int variant) throws IOException {
        Path file = store.artworkKey(titleId, kind, variant)
                .flatMap(files::resolve)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No artwork " + kind + "-" + variant + " for title " + titleId));
        long sizeBytes = Files.size(file);
        long modifiedMs = Files.getLastModifiedTime(file).toMillis();
        String etag = "\"" + Long.toHexString(sizeBytes) + "-" + Long.toHexString(modifiedMs) + "\"";
        // Spring answers If-None-Match / If-Modified-Since with 304 from these headers (HttpEntityMethodProcessor).
        return ResponseEntity.ok()
                .eTag(etag)
                .lastModified(modifiedMs)
                .cacheControl(cacheControl)
                .contentType(MediaType.IMAGE_JPEG)
                .body(new FileSystemResource(file));
    }
}
