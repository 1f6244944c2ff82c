package dev.marquee.player;

import javafx.application.Application;

/**
 * Entry point of the player. A separate class because JavaFX on the class path refuses to start a main class
 * that itself extends {@code Application}.
 */
public final class PlayerLauncher {
    private PlayerLauncher() {}

    public static void main(String[] args) {
        Application.launch(PlayerApp.class, args);
    }
}
