package dev.marquee.player.engine;

/** The libvlc media options every run of a {@link VlcMediaSink} plays with. */
final class VlcRunOptions {

    /** MPEG-TS is the only container Marquee's packager writes: skip libvlc's probing to start faster. */
    private static final String DEMUX_TS = ":demux=ts";
    /**
     * libvlc waits this long of data before it starts the clock. The queue is in memory and the streaming engine
     * keeps seconds ahead, so 100 ms (instead of libvlc's 1 s default) is safe and starts faster:
     * network hiccups are absorbed by the engine's buffer, not by libvlc's.
     */
    private static final String[] CACHING = {":file-caching=100", ":network-caching=100", ":live-caching=100"};

    private VlcRunOptions() {
    }

    static String[] media() {
        String[] options = new String[CACHING.length + 1];
        options[0] = DEMUX_TS;
        System.arraycopy(CACHING, 0, options, 1, CACHING.length);
        return options;
    }
}
