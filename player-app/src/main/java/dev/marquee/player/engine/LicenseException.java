package dev.marquee.player.engine;

/**
 * No usable licence: refused, expired, forged or unreachable. {@link #getMessage()} is a sentence for the viewer.
 */
public class LicenseException extends Exception {

    public LicenseException(String message) {
        super(message);
    }

    public LicenseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The account already plays its maximum number of streams; retrying will not help until one stops. */
    public static final class ConcurrentStreamLimit extends LicenseException {
        public ConcurrentStreamLimit(String message) {
            super(message);
        }
    }
}
