package dev.marquee.backend.encoding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Metadata an operator gives at ingest; missing optional fields get defaults
 * (see {@link #toMetadata(int)}).
 */
public record TitleMetadataInput(
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 2000) String synopsis,
        @Nullable @Size(max = 10) List<@NotBlank @Size(max = 40) String> genres,
        @Nullable @Min(1888) @Max(2100) Integer year,
        @Nullable @Size(max = 12) String maturityRating,
        @Nullable @Size(max = 30) List<@NotBlank @Size(max = 100) String> cast) {

    /** Rating for titles nobody rated. */
    public static final String NOT_RATED = "NR";

    public EncodingCompleted.TitleMetadata toMetadata(int currentYear) {
        return new EncodingCompleted.TitleMetadata(
                title.strip(),
                synopsis == null ? "" : synopsis.strip(),
                genres == null ? List.of() : List.copyOf(genres),
                year == null ? currentYear : year,
                maturityRating == null || maturityRating.isBlank() ? NOT_RATED : maturityRating.strip(),
                cast == null ? List.of() : List.copyOf(cast));
    }
}
