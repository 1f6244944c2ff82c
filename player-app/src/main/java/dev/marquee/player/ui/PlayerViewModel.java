package dev.marquee.player.ui;

import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.api.CatalogApi;
import dev.marquee.player.api.IdentityApi;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The player's navigation: which screen shows, for which account and profile. Each screen's own view model
 * is made here so that they all share the backend client and the two executors.
 */
public final class PlayerViewModel {

    /** The screens in the order a viewer meets them. */
    public enum Screen { SIGN_IN, PROFILES, HOME }

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.SIGN_IN);
    private final ReadOnlyObjectWrapper<@Nullable AccountView> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ReadOnlyObjectWrapper<@Nullable ProfileView> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final IdentityApi identity;
    private final CatalogApi catalog;
    private final ProfilePlayback playback;
    private final Scheduler scheduler;
    private final Executor background;
    private final Executor ui;
    private final SignInViewModel signIn;

    /**
     * @param launcher  starts playback for every profile, with no resume positions (tests, demos)
     * @param scheduler debounces typeahead on the FX thread ({@link Scheduler#fx()} in the app)
     */
    public PlayerViewModel(IdentityApi identity, CatalogApi catalog, PlaybackLauncher launcher, Scheduler scheduler,
                           Executor background, Executor ui) {
        this(identity, catalog, ProfilePlayback.of(launcher), scheduler, background, ui);
    }

    /** @param playback the launcher and resume positions of each chosen profile ({@link EnginePlayback} in the app) */
    public PlayerViewModel(IdentityApi identity, CatalogApi catalog, ProfilePlayback playback, Scheduler scheduler,
                           Executor background, Executor ui) {
        this.identity = identity;
        this.catalog = catalog;
        this.playback = playback;
        this.scheduler = scheduler;
        this.background = background;
        this.ui = ui;
        this.signIn = new SignInViewModel(identity, background, ui, this::signedIn);
    }

    public SignInViewModel signIn() {
        return signIn;
    }

    /** A fresh picker for the signed-in account; the caller shows it and calls {@code load()}. */
    public ProfilePickerViewModel profilePicker() {
        return new ProfilePickerViewModel(identity, background, ui, this::profileChosen);
    }

    /** A fresh home screen for the chosen profile; the caller shows it and calls {@code load()}. */
    public HomeViewModel home() {
        ProfileView chosen = Objects.requireNonNull(profile.get(), "profile chosen");
        return new HomeViewModel(
                Objects.requireNonNull(account.get(), "signed in"), chosen,
                catalog, playback.resumePositions(chosen), playback.launcher(chosen), scheduler, background, ui,
                new HomeViewModel.Navigation() {
                    @Override
                    public void switchProfile() {
                        PlayerViewModel.this.switchProfile();
                    }

                    @Override
                    public void signOut() {
                        PlayerViewModel.this.signOut();
                    }

                    @Override
                    public void sessionExpired() {
                        PlayerViewModel.this.signOut();
                        signIn.sessionEnded();
                    }
                });
    }

    /** Forgets the session at once; revoking the refresh token on the backend happens in the background. */
    public void signOut() {
        profile.set(null);
        account.set(null);
        screen.set(Screen.SIGN_IN);
        background.execute(identity::signOut);
    }

    private void signedIn(AccountView who) {
        account.set(who);
        screen.set(Screen.PROFILES);
    }

    private void profileChosen(ProfileView chosen) {
        profile.set(chosen);
        screen.set(Screen.HOME);
    }

    private void switchProfile() {
        profile.set(null);
        screen.set(Screen.PROFILES);
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable AccountView> accountProperty() {
        return account.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable ProfileView> profileProperty() {
        return profile.getReadOnlyProperty();
    }
}
