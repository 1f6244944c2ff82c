package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.EncodingJob;
import dev.marquee.backend.encoding.EncodingManagement;
import dev.marquee.backend.encoding.IngestRequest;
import dev.marquee.backend.encoding.TitleMetadataInput;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Operators' encoding API under {@code /api/ops/encoding/jobs} (SRE role, enforced by the security configuration):
 * ingest from a server-side path (JSON) or an upload (multipart: {@code file} + {@code metadata} JSON part),
 * follow jobs, cancel them. Bad input answers problem+json.
 */
@RestController
@RequestMapping(EncodingController.JOBS)
class EncodingController {
    static final String JOBS = "/api/ops/encoding/jobs";
    static final int DEFAULT_LIST = 50;

    private final EncodingManagement encoding;
    private final EncodingProperties properties;

    EncodingController(EncodingManagement encoding, EncodingProperties properties) {
        this.encoding = encoding;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EncodingJob> ingestPath(@Valid @RequestBody IngestRequest request) {
        return accepted(encoding.submit(request));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EncodingJob> ingestUpload(@RequestPart("file") MultipartFile file,
            @Valid @RequestPart("metadata") TitleMetadataInput metadata) throws IOException {
        if (file.isEmpty()) throw new IllegalArgumentException("the uploaded file is empty");
        Files.createDirectories(properties.uploadDirectory());
        Path received = Files.createTempFile(properties.uploadDirectory(), "upload-", ".part");
        try {
            file.transferTo(received);
            return accepted(encoding.submitUpload(received, metadata));
        } finally {
            Files.deleteIfExists(received); // moved away on success
        }
    }

    @GetMapping
    List<EncodingJob> list(@RequestParam(defaultValue = "" + DEFAULT_LIST) int limit) {
        return encoding.list(limit);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return encoding.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> cancel(@PathVariable UUID id) {
        if (encoding.cancel(id)) return ResponseEntity.accepted().build();
        return encoding.find(id).isPresent()
                ? problem(HttpStatus.CONFLICT, "job " + id + " has already ended")
                : notFound(id);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<EncodingJob> accepted(EncodingJob job) {
        return ResponseEntity.accepted().location(URI.create(JOBS + "/" + job.id())).body(job);
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, "no encoding job " + id);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
