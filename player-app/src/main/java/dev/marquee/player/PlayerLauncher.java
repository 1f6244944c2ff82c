package dev.marquee.player;

/** Placeholder entry point; replaced by the player shell. */
public final class PlayerLauncher {
    private PlayerLauncher() {}

    public static void main(String[] args) {
        System.out.println("player");
    }
}
