package dev.marquee.backend.encoding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/ops/encoding/jobs}: encode a master that is already on the server's disk.
 *
 * @param sourcePath absolute path of the master; must lie under one of {@code marquee.encoding.allowed-source-roots}
 */
public record IngestRequest(@NotBlank @Size(max = 4096) String sourcePath, @NotNull @Valid TitleMetadataInput metadata) {}
