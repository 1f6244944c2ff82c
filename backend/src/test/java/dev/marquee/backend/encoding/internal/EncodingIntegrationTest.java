package dev.marquee.backend.encoding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.encoding.EncodingCompleted;
import dev.marquee.backend.encoding.EncodingJob;
import dev.marquee.backend.encoding.EncodingJobProgressed;
import dev.marquee.backend.encoding.JobState;
import dev.marquee.backend.encoding.RungReport;
import dev.marquee.backend.license.ContentKeys;
import dev.marquee.backend.origin.Checksums;
import dev.marquee.backend.origin.Origin;
import dev.marquee.backend.testsupport.OriginHttpServer;
import dev.marquee.backend.testsupport.TestMasters;
import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.identity.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The encoder end to end in a running backend on a random loopback port: ingest over the API, the published HLS
 * in the origin, and ffmpeg as a third-party HLS client playing it with a bearer token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "marquee.encoding.analysis-excerpt=4s",
        "marquee.encoding.progress-interval=200ms"})
@Import(EncodingIntegrationTest.Recorder.class)
class EncodingIntegrationTest {
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    static final Path HOME = tempHome();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("marquee.home", HOME::toString);
    }

    static Path tempHome() {
        try {
            return Files.createTempDirectory("marquee-encoding-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects EncodingCompleted events, whichever thread publishes them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {
        final List<EncodingCompleted> completed = new CopyOnWriteArrayList<>();
        final List<EncodingJobProgressed> progressed = new CopyOnWriteArrayList<>();

        @Bean
        Recorder recorder() {
            return this;
        }

        @EventListener
        void on(EncodingCompleted event) {
            completed.add(event);
        }

        @EventListener
        void on(EncodingJobProgressed event) {
            progressed.add(event);
        }
    }

    @LocalServerPort int port;
    @Autowired JsonMapper json;
    @Autowired Origin origin;
    @Autowired ContentKeys keys;
    @Autowired Recorder recorder;
    @Autowired JobRepository repository;
    @Autowired EncodingJobService service;
    @Autowired dev.marquee.backend.encoding.internal.media.FfmpegRunner runner;
    @TempDir Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    @Autowired AccessTokens accessTokens;
    String sre;
    String viewer;

    @BeforeEach
    void tokens() {
        sre = accessTokens.issue(UUID.randomUUID(), "sre@example.test", List.of(Role.SRE, Role.VIEWER)).value();
        viewer = accessTokens.issue(UUID.randomUUID(), "viewer@example.test", List.of(Role.VIEWER)).value();
    }

    @Test
    void rejectsFilesThatCannotBeTitlesWithAReasonAndLeavesNothingInTheOrigin() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(100));
        Path audioOnly = dir.resolve("audio.m4a");
        TestMasters.run(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=d=4", "-c:a", "aac", audioOnly.toString()));
        Path whole = TestMasters.make(dir.resolve("whole.mp4"), TestMasters.flat(320, 180), 6, true, "-movflags", "+faststart");
        Path truncated = dir.resolve("truncated.mp4");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path tiny = TestMasters.make(dir.resolve("tiny.mp4"), TestMasters.flat(32, 32), 3, false);
        Path blink = TestMasters.make(dir.resolve("blink.mp4"), TestMasters.flat(320, 180), 1, false);

        var titlesBefore = origin.titles();
        assertRejected(text, "not a readable video");
        assertRejected(audioOnly, "no video stream");
        assertRejected(truncated, "truncated");
        assertRejected(tiny, "absurd dimensions 32x32");
        assertRejected(blink, "absurd duration");
        assertThat(origin.titles()).containsExactlyInAnyOrderElementsOf(titlesBefore);
        try (Stream<Path> staging = Files.list(HOME.resolve("origin-staging"))) {
            assertThat(staging).isEmpty();
        }
    }

    private void assertRejected(Path file, String reason) throws Exception {
        EncodingJob job = awaitEnd(submitPath(file, "Rejected " + file.getFileName()));
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failureReason()).contains(reason);
        assertThat(origin.hasTitle(job.titleId())).isFalse();
        assertThat(keys.find(job.titleId())).isEmpty();
    }

    @Test
    void publishesEncryptedHlsThatFfmpegPlaysWithATokenAndNotWithout() throws Exception {
        Path master = TestMasters.make(dir.resolve("master.mp4"), TestMasters.noisy(320, 180), 8, true);
        long masterFrames = TestMasters.countFrames(master);
        EncodingJob job = awaitEnd(submitUpload(master, "Interop Test"));
        assertThat(job.state()).as("job %s: %s", job.id(), job.failureReason()).isEqualTo(JobState.COMPLETED);
        assertThat(job.rungs()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.qualityMetric()).isEqualTo("SSIM");
            assertThat(r.ssim()).isBetween(0.0, 1.0);
            assertThat(r.psnrDb()).isPositive();
        });
        UUID titleId = job.titleId();
        Path title = HOME.resolve("origin").resolve(Origin.titlePrefix(titleId));

        // The origin holds a complete, verified title.
        assertThat(Checksums.verify(title)).isNull();
        String masterPlaylist = Files.readString(title.resolve("master.m3u8"));
        List<String> variants = masterPlaylist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        long passed = job.rungs().stream().filter(r -> !r.outcome().equals(RungReport.DROPPED)).count();
        assertThat(variants).hasSize((int) passed);
        assertThat(masterPlaylist).containsPattern("BANDWIDTH=\\d+,AVERAGE-BANDWIDTH=\\d+,RESOLUTION=\\d+x\\d+,"
                + "CODECS=\"avc1\\.[0-9a-f]{6},mp4a\\.40\\.2\",FRAME-RATE=25\\.000");
        for (String variant : variants) {
            String media = Files.readString(title.resolve(variant));
            var segments = media.lines().filter(l -> l.endsWith(".ts")).toList();
            var ivs = Pattern.compile("IV=0x([0-9a-f]{32})").matcher(media).results().map(m -> m.group(1)).toList();
            assertThat(ivs).hasSameSizeAs(segments).doesNotHaveDuplicates();
            assertThat(media).contains("URI=\"http://127.0.0.1:" + port + "/api/license/keys/" + titleId + "\"");
            assertThat(media).contains("#EXT-X-TARGETDURATION:4");
            for (String segment : segments) {
                byte[] bytes = Files.readAllBytes(title.resolve(variant).resolveSibling(segment));
                // Plain MPEG-TS has the sync byte at every 188-byte packet start; ciphertext has it at one start
                // now and then (1 in 256), so look at the first eight packets, not the first byte alone.
                long syncStarts = java.util.stream.IntStream.range(0, 8).filter(p -> bytes[p * 188] == 0x47).count();
                assertThat(syncStarts).as("encrypted, so not packets of MPEG-TS (%s)", segment).isLessThan(4);
            }
        }
        // The content key is held by the licence module only.
        byte[] key = keys.find(titleId).orElseThrow();
        try (Stream<Path> files = Files.walk(HOME.resolve("origin"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(f), key)).as("key bytes in %s", f).isNegative();
            }
        }

        // The event the catalog consumes.
        EncodingCompleted event = recorder.completed.stream().filter(e -> e.titleId().equals(titleId)).findFirst().orElseThrow();
        assertThat(event.masterPlaylistKey()).isEqualTo("titles/" + titleId + "/master.m3u8");
        assertThat(event.metadata().title()).isEqualTo("Interop Test");
        assertThat(event.renditions()).hasSize((int) passed);
        assertThat(event.artworkKeys()).extracting(EncodingCompleted.Artwork::kind).contains("poster", "backdrop");
        for (var art : event.artworkKeys()) assertThat(origin.get(art.key())).isPresent();
        // Progress went out as events, stage by stage, percent never going back.
        var progress = recorder.progressed.stream().filter(e -> e.jobId().equals(job.id())).toList();
        assertThat(progress).extracting(EncodingJobProgressed::state).containsSubsequence(JobState.QUEUED, JobState.PROBING,
                JobState.ANALYSING, JobState.ENCODING, JobState.PACKAGING, JobState.PUBLISHING, JobState.COMPLETED);
        assertThat(progress).extracting(EncodingJobProgressed::percent).isSorted();

        // Key delivery: refused without a valid token, and to a viewer that is not playing the title; 16 bytes to an
        // SRE. The viewer here is a bare token with no account behind it, so it cannot open a playback session: the
        // third-party client below uses the SRE token (ProfileScopedTokenIntegrationTest covers the session path).
        String keyUrl = "http://127.0.0.1:" + port + ContentKeys.deliveryPath(titleId);
        assertThat(get(keyUrl, null).statusCode()).isEqualTo(401);
        assertThat(get(keyUrl, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(get(keyUrl, viewer).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> delivered = get(keyUrl, sre);
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(delivered.body()).isEqualTo(key);

        // ffmpeg as a third-party HLS client: reads the master over HTTP, fetches the key with the token,
        // decrypts and decodes every frame of every rung.
        try (OriginHttpServer edge = new OriginHttpServer(HOME.resolve("origin"))) {
            String url = edge.url(event.masterPlaylistKey());
            var counts = TestMasters.run(List.of("ffprobe", "-v", "error", "-headers", "Authorization: Bearer " + sre + "\r\n",
                    "-count_frames", "-select_streams", "v", "-show_entries", "stream=index,nb_read_frames", "-of", "csv=p=0", url));
            // ffprobe lists each stream under its program and again on its own: count each stream index once.
            var frames = counts.stream().map(String::strip).filter(s -> s.matches("\\d+,\\d+")).distinct()
                    .map(s -> Long.parseLong(s.substring(s.indexOf(',') + 1))).toList();
            assertThat(frames).hasSize((int) passed).allSatisfy(n -> assertThat(n).isEqualTo(masterFrames));

            var refused = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-i", url, "-map", "0:v:0", "-f", "null", "-")
                    .redirectErrorStream(true).start();
            String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(refused.waitFor()).as("ffmpeg without a token: %s", output).isNotZero();
            assertThat(output).contains("Unable to open key file");
        }
    }

    @Test
    void cancellingARunningJobKillsItsFfmpegAndFailsIt() throws Exception {
        Path master = TestMasters.make(dir.resolve("long.mp4"), TestMasters.noisy(320, 180), 20, true);
        UUID id = submitPath(master, "Cancelled");
        await().atMost(JOB_TIMEOUT).until(() -> repository.find(id).orElseThrow().state() == JobState.ANALYSING);

        var request = HttpRequest.newBuilder(URI.create(base() + "/api/ops/encoding/jobs/" + id))
                .header("Authorization", "Bearer " + sre).DELETE().build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(202);

        EncodingJob job = awaitEnd(id);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failureReason()).isEqualTo("cancelled by operator");
        assertThat(origin.hasTitle(job.titleId())).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.runningProcesses() == 0);
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(409);
    }

    @Test
    void opsEndpointsNeedTheSreRole() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/ops/encoding/jobs"))
                .header("Authorization", "Bearer " + viewer).GET().build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        var anonymous = HttpRequest.newBuilder(URI.create(base() + "/api/ops/encoding/jobs")).GET().build();
        assertThat(http.send(anonymous, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesServerPathsOutsideTheAllowedRoots() throws Exception {
        var response = post("/api/ops/encoding/jobs", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"sourcePath\":\"/etc/passwd\",\"metadata\":{\"title\":\"x\"}}"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("allowed-source-roots");
    }

    @Test
    void resumesInterruptedJobsOrFailsThemCleanly() throws Exception {
        Path master = TestMasters.make(dir.resolve("silent.mp4"), TestMasters.flat(320, 180), 4, false);
        var now = java.time.Instant.now();
        String metadata = json.writeValueAsString(new EncodingCompleted.TitleMetadata("Resumed", "", List.of(), 2024, "G", List.of()));
        var gone = new JobRecord(UUID.randomUUID(), UUID.randomUUID(), "Gone", JobState.ANALYSING, 12, "trial encodes", null,
                dir.resolve("deleted.mp4").toString(), false, metadata, EncodingProperties.STANDARD, null, null, null, null, 1, now, now);
        var resumable = new JobRecord(UUID.randomUUID(), UUID.randomUUID(), "Resumed", JobState.ENCODING, 40, "encoding", null,
                master.toString(), false, metadata, EncodingProperties.STANDARD, null, null, null, null, 1, now, now);
        repository.insert(gone);
        repository.insert(resumable);

        service.recover();

        EncodingJob failed = awaitEnd(gone.id());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.failureReason()).contains("interrupted by restart");
        EncodingJob resumed = awaitEnd(resumable.id());
        assertThat(resumed.state()).as("%s", resumed.failureReason()).isEqualTo(JobState.COMPLETED);
        // A master without audio still gets an audio track in every rung (silence), so rungs are interchangeable.
        Path title = HOME.resolve("origin").resolve(Origin.titlePrefix(resumable.titleId()));
        String firstVariant = Files.readString(title.resolve("master.m3u8")).lines().filter(l -> l.endsWith(".m3u8")).findFirst().orElseThrow();
        Path decrypted = decryptFirstSegment(title.resolve(firstVariant), keys.find(resumable.titleId()).orElseThrow());
        var streams = TestMasters.run(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", decrypted.toString()));
        assertThat(streams).map(String::strip).contains("h264", "aac");
    }

    private Path decryptFirstSegment(Path mediaPlaylist, byte[] key) throws Exception {
        String media = Files.readString(mediaPlaylist);
        var iv = Pattern.compile("IV=0x([0-9a-f]{32})").matcher(media).results().findFirst().orElseThrow().group(1);
        String segment = media.lines().filter(l -> l.endsWith(".ts")).findFirst().orElseThrow();
        var cipher = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.IvParameterSpec(java.util.HexFormat.of().parseHex(iv)));
        byte[] plain = cipher.doFinal(Files.readAllBytes(mediaPlaylist.resolveSibling(segment)));
        assertThat(plain[0]).isEqualTo((byte) 0x47);
        return Files.write(dir.resolve("decrypted.ts"), plain);
    }

    // ---------------------------------------------------------------- helpers

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private UUID submitPath(Path file, String title) throws Exception {
        String body = json.writeValueAsString(new java.util.LinkedHashMap<String, Object>() {{
            put("sourcePath", file.toAbsolutePath().toString());
            put("metadata", java.util.Map.of("title", title));
        }});
        var response = post("/api/ops/encoding/jobs", "application/json", HttpRequest.BodyPublishers.ofString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readValue(response.body(), EncodingJob.class).id();
    }

    private UUID submitUpload(Path file, String title) throws Exception {
        String boundary = "marquee-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"title\":\"" + title + "\",\"genres\":[\"Test\"],\"year\":2024}\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"master.mp4\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(Files.readAllBytes(file));
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = post("/api/ops/encoding/jobs", "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArrays(parts));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readValue(response.body(), EncodingJob.class).id();
    }

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + sre)
                .header("Content-Type", contentType).POST(body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String url, String token) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Follows a job over the API until it ends. */
    private EncodingJob awaitEnd(UUID jobId) {
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/ops/encoding/jobs/" + jobId))
                .header("Authorization", "Bearer " + sre).GET().build();
        EncodingJob[] last = new EncodingJob[1];
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            last[0] = json.readValue(response.body(), EncodingJob.class);
            return last[0].state().isFinal();
        });
        return last[0];
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
