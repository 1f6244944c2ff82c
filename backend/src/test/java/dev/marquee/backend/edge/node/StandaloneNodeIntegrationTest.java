package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.KEY;
import static dev.marquee.backend.edge.node.EdgeTestSupport.HTTP;
import static dev.marquee.backend.edge.node.EdgeTestSupport.signed;
import static dev.marquee.backend.edge.node.EdgeTestSupport.writeObject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.EdgeNodeMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane does not need the control plane: a node started by {@link EdgeNodeMain} in its own JVM, from
 * a config file, with no Spring context anywhere, serves signed requests.
 */
class StandaloneNodeIntegrationTest {

    private static final Pattern BASE_URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void servesFromItsOwnProcessWithNoControlPlane() throws Exception {
        String key = "titles/solo/master.m3u8";
        byte[] bytes = writeObject(dir.resolve("origin"), key, 4_096);
        Files.write(dir.resolve("edge-url.key"), KEY);
        Files.writeString(dir.resolve("origin.properties"), """
                id=solo-origin
                tier=ORIGIN
                region=us-west-2
                root=origin
                port=0
                signingKeyFile=edge-url.key
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                EdgeNodeMain.class.getName(), "--config", dir.resolve("origin.properties").toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) { // skips JVM warnings
                m = BASE_URL.matcher(line);
                if (m.find()) {
                    break;
                }
            }
            assertThat(m).as("a line announcing the node's URL").isNotNull();
            assertThat(m.hasMatch()).as("the node announced its URL").isTrue();

            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(m.group(1) + signed(key)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
