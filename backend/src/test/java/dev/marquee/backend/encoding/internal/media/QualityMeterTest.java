package dev.marquee.backend.encoding.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityMeterTest {

    @Test
    void readsSsimAndPsnrFromFfmpegsSummaryLines() throws Exception {
        var score = QualityMeter.parse(List.of(
                "[Parsed_ssim_8 @ 0x55] SSIM Y:0.991234 (20.569876) U:0.995 (23.0) V:0.996 (23.9) All:0.993210 (21.681537)",
                "[Parsed_psnr_9 @ 0x56] PSNR y:41.20 u:44.91 v:45.33 average:42.345678 min:39.12 max:46.01"));

        assertThat(score.ssim()).isEqualTo(0.993210);
        assertThat(score.psnrDb()).isEqualTo(42.345678);
        assertThat(score.ssimDb()).isCloseTo(21.68, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void identicalPicturesHaveFinitePsnrAndSsimDb() throws Exception {
        var score = QualityMeter.parse(List.of("SSIM Y:1.000000 (inf) All:1.000000 (inf)", "PSNR y:inf average:inf min:inf max:inf"));

        assertThat(score.psnrDb()).isEqualTo(QualityScore.PSNR_IDENTICAL_DB);
        assertThat(score.ssimDb()).isEqualTo(QualityScore.SSIM_DB_IDENTICAL);
    }

    @Test
    void missingSummaryIsAnError() {
        assertThatThrownBy(() -> QualityMeter.parse(List.of("Conversion failed!"))).hasMessageContaining("no SSIM/PSNR");
    }
}
