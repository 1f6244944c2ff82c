package dev.marquee.model.license;

/** HTTP paths of the licence service. */
public final class LicensePaths {

    /** {@code POST} a {@link LicenseRequest} (JSON), answered with a {@link License} (JSON) or problem+json. */
    public static final String LICENSES = "/api/licenses";
    /** {@code GET} the licence server's Ed25519 public key, {@link ServerKey} (JSON); players pin it once. */
    public static final String SERVER_KEY = "/api/licenses/server-key";
    /** Problem type of a refusal because the account already plays its maximum number of streams. */
    public static final String PROBLEM_CONCURRENT_STREAM_LIMIT = "urn:marquee:license:concurrent-stream-limit";

    private LicensePaths() {
    }
}
