package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.api.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfilePickerViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private final FakeIdentity identity = new FakeIdentity();
    private final List<ProfileView> chosen = new ArrayList<>();
    private final ProfilePickerViewModel model = new ProfilePickerViewModel(identity, DIRECT, DIRECT, chosen::add);
    private final ProfileView open = FakeIdentity.profile("Ana", false, false);
    private final ProfileView guarded = FakeIdentity.profile("Sam", true, false);
    private final ProfileView locked = FakeIdentity.profile("Max", true, true);

    @BeforeEach
    void load() {
        identity.profiles.addAll(List.of(open, guarded, locked));
        model.load();
    }

    @Test
    void listsTheAccountsProfiles() {
        assertThat(model.profiles()).containsExactly(open, guarded, locked);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void entersAProfileWithoutPinAtOnce() {
        model.choose(open);

        assertThat(chosen).containsExactly(open);
        assertThat(identity.selected).containsExactly("Ana");
    }

    @Test
    void asksForThePinWhereAProfileHasOne() {
        model.choose(guarded);

        assertThat(chosen).isEmpty();
        assertThat(model.awaitingPinProperty().get()).isEqualTo(guarded);

        model.pinProperty().set(FakeIdentity.PIN);
        model.submitPin();

        assertThat(chosen).containsExactly(guarded);
        assertThat(model.awaitingPinProperty().get()).isNull();
    }

    @Test
    void keepsThePromptOpenAndSaysWhyOnAWrongPin() {
        model.choose(guarded);
        model.pinProperty().set("0000");

        model.submitPin();

        assertThat(chosen).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Wrong PIN.");
        assertThat(model.awaitingPinProperty().get()).isEqualTo(guarded);
        assertThat(model.pinProperty().get()).isEmpty();
    }

    @Test
    void refusesAnythingButFourDigitsWithoutAsking() {
        model.choose(guarded);
        model.pinProperty().set("12a4");

        model.submitPin();

        assertThat(model.errorProperty().get()).isEqualTo("The PIN is four digits.");
        assertThat(identity.selected).isEmpty();
    }

    @Test
    void showsTheLockoutMessageForALockedProfile() {
        model.choose(locked);

        assertThat(model.errorProperty().get()).isEqualTo("“Max” is locked after too many wrong PINs. Try again later.");
        assertThat(model.awaitingPinProperty().get()).isNull();
        assertThat(identity.selected).isEmpty();
    }

    @Test
    void closesThePromptWhenTheLastWrongPinLockedTheProfile() {
        model.choose(guarded);
        identity.profiles.set(1, new ProfileView(guarded.id(), "Sam", false, true, true, "S"));
        model.pinProperty().set("0000");

        model.submitPin();

        assertThat(model.awaitingPinProperty().get()).isNull();
        assertThat(model.errorProperty().get()).contains("locked");
    }

    @Test
    void saysWhyTheProfilesCouldNotBeLoaded() {
        identity.nextFailure = new ApiError.Unreachable("http://127.0.0.1:9");

        model.load();

        assertThat(model.errorProperty().get()).startsWith("Can't reach Marquee at http://127.0.0.1:9");
    }
}
