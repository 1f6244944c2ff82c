package dev.marquee.backend.edge.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultFileRegion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFilesTest {

    @TempDir
    Path dir;

    private final OpenFiles files = new OpenFiles();

    private StoredObject object(String name, String content, long modifiedMs) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return StoredObject.of("titles/t/" + name, f, content.length(), modifiedMs);
    }

    private static String read(DefaultFileRegion region) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel sink = Channels.newChannel(out)) {
            while (region.transferred() < region.count()) {
                region.transferTo(sink, region.transferred());
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void regionsOfOneObjectShareOneDescriptorAndReadTheirOwnRanges() throws IOException {
        StoredObject o = object("seg-00001.ts", "0123456789", 1_000_000);

        DefaultFileRegion whole = files.region(o, 0, 10);
        DefaultFileRegion tail = files.region(o, 7, 3);

        assertThat(files.size()).isEqualTo(1);
        assertThat(read(tail)).isEqualTo("789");
        assertThat(read(whole)).isEqualTo("0123456789");
        whole.release();
        tail.release();
        assertThat(read(files.region(o, 2, 2))).isEqualTo("23"); // still cached after its regions are gone
    }

    @Test
    void aReplacedObjectIsOpenedAgainNotServedFromTheOldDescriptor() throws IOException {
        StoredObject old = object("seg-00001.ts", "old bytes!", 1_000_000);
        DefaultFileRegion first = files.region(old, 0, 10);
        Files.delete(old.file()); // a refill moves a new file into place under the same name
        StoredObject fresh = object("seg-00001.ts", "new bytes!", 2_000_000);

        assertThat(read(files.region(fresh, 0, 10))).isEqualTo("new bytes!");
        assertThat(read(first)).isEqualTo("old bytes!"); // a response under way finishes with what it started
        assertThat(files.size()).isEqualTo(2);
    }

    @Test
    void holdsAtMostItsBoundAndClosingKeepsRegionsInFlightReadable() throws IOException {
        DefaultFileRegion held = null;
        for (int i = 0; i <= OpenFiles.MAX_OPEN; i++) {
            DefaultFileRegion r = files.region(object("seg-%05d.ts".formatted(i), "x" + i, 1_000_000), 0, 2);
            if (i == 0) {
                held = r;
            } else {
                r.release();
            }
        }
        assertThat(files.size()).isEqualTo(OpenFiles.MAX_OPEN);

        files.close();

        assertThat(files.size()).isZero();
        assertThat(read(held)).isEqualTo("x0"); // pushed out long ago, still open while its response is sent
        held.release();
    }

    @Test
    void aFileThatCannotBeOpenedGivesNoRegion() throws IOException {
        StoredObject o = object("seg-00001.ts", "gone", 1_000_000);
        Files.delete(o.file());
        assertThat(files.region(o, 0, 4)).isNull();
    }
}
