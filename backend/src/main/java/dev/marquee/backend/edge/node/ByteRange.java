package dev.marquee.backend.edge.node;

import org.jspecify.annotations.Nullable;

/**
 * One satisfiable byte range of an object, parsed from a {@code Range} header (RFC 9110 §14).
 * Only single ranges are honoured; a multi-range or malformed header is ignored (the whole object is sent),
 * which RFC 9110 allows.
 *
 * @param first offset of the first byte
 * @param last  offset of the last byte, inclusive
 */
record ByteRange(long first, long last) {

    /** Marks a syntactically valid range that no byte of the object satisfies (answer 416). */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() { return last - first + 1; }

    /**
     * Parses {@code header} for an object of {@code size} bytes.
     *
     * @return null to send the whole object, {@link #UNSATISFIABLE}, or the range
     */
    static @Nullable ByteRange parse(@Nullable String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            if (dash == 0) { // suffix: the last N bytes
                long suffix = parseDigits(spec.substring(1));
                if (suffix == 0 || size == 0) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = parseDigits(spec.substring(0, dash));
            String lastText = spec.substring(dash + 1);
            long last = lastText.isEmpty() ? Long.MAX_VALUE : parseDigits(lastText);
            if (last < first) {
                return null; // invalid syntax: ignore
            }
            if (first >= size) {
                return UNSATISFIABLE;
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            throw new NumberFormatException(s);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new NumberFormatException(s);
            }
        }
        return Long.parseLong(s);
    }
}
