package dev.marquee.console;

import javafx.application.Application;

/** Entry point of the ops console; kept apart from {@link ConsoleApp} so JavaFX starts from the class path. */
public final class ConsoleLauncher {
    private ConsoleLauncher() {}

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
