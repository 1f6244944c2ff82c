package dev.marquee.console;

/** Placeholder entry point; replaced by the console shell. */
public final class ConsoleLauncher {
    private ConsoleLauncher() {}

    public static void main(String[] args) {
        System.out.println("console");
    }
}
