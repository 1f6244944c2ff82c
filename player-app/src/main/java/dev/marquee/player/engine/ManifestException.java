package dev.marquee.player.engine;

/** A playlist the {@link ManifestParser} cannot use; the message names the line and what is wrong with it. */
public final class ManifestException extends Exception {

    public ManifestException(String message) {
        super(message);
    }
}
