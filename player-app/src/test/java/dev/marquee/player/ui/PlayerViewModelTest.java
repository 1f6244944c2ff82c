package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.ui.PlayerViewModel.Screen;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class PlayerViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private final FakeIdentity identity = new FakeIdentity();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final PlayerViewModel model = new PlayerViewModel(
            identity, catalog, new UnavailablePlaybackLauncher(), new ManualScheduler(), DIRECT, DIRECT);
    private final ProfileView ana = FakeIdentity.profile("Ana", false, false);

    @Test
    void walksFromSignInThroughProfilesToAnEmptyHome() {
        assertThat(model.screenProperty().get()).isEqualTo(Screen.SIGN_IN);
        signIn();
        assertThat(model.screenProperty().get()).isEqualTo(Screen.PROFILES);

        pick();

        assertThat(model.screenProperty().get()).isEqualTo(Screen.HOME);
        HomeViewModel home = model.home();
        assertThat(home.profileName()).isEqualTo("Ana");
        assertThat(home.accountEmail()).isEqualTo(FakeIdentity.EMAIL);
        home.load();
        assertThat(home.stateProperty().get()).isEqualTo(LoadState.EMPTY);
        assertThat(home.rows()).isEmpty();
        assertThat(home.emptyTitle()).isEqualTo("No titles yet");
    }

    @Test
    void signingOutForgetsTheAccountAndRevokes() {
        signIn();
        pick();

        model.home().signOut();

        assertThat(model.screenProperty().get()).isEqualTo(Screen.SIGN_IN);
        assertThat(model.accountProperty().get()).isNull();
        assertThat(model.profileProperty().get()).isNull();
        assertThat(identity.signOuts).isEqualTo(1);
    }

    @Test
    void switchingProfileGoesBackToThePicker() {
        signIn();
        pick();

        model.home().switchProfile();

        assertThat(model.screenProperty().get()).isEqualTo(Screen.PROFILES);
        assertThat(model.profileProperty().get()).isNull();
        assertThat(model.accountProperty().get()).isNotNull();
    }

    private void signIn() {
        model.signIn().emailProperty().set(FakeIdentity.EMAIL);
        model.signIn().passwordProperty().set(FakeIdentity.PASSWORD);
        model.signIn().signIn();
    }

    private void pick() {
        identity.profiles.add(ana);
        ProfilePickerViewModel picker = model.profilePicker();
        picker.load();
        picker.choose(ana);
    }

    @Test
    void anExpiredSessionOnHomeGoesBackToSignInSayingWhy() {
        signIn();
        pick();
        HomeViewModel home = model.home();
        catalog.nextFailure = new dev.marquee.player.api.ApiError.SessionExpired();

        home.load();

        assertThat(model.screenProperty().get()).isEqualTo(Screen.SIGN_IN);
        assertThat(model.signIn().errorProperty().get()).isEqualTo("Your session has ended: sign in again.");
    }
}
