package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.identity.AccountView;
import dev.marquee.player.api.ApiError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private final FakeIdentity identity = new FakeIdentity();
    private final List<AccountView> signedIn = new ArrayList<>();
    private final SignInViewModel model = new SignInViewModel(identity, DIRECT, DIRECT, signedIn::add);

    @Test
    void signsInWithGoodCredentials() {
        fill(" " + FakeIdentity.EMAIL + " ", FakeIdentity.PASSWORD);

        model.signIn();

        assertThat(signedIn).containsExactly(identity.account);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void saysWrongPasswordAndForgetsIt() {
        fill(FakeIdentity.EMAIL, "guess");

        model.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Wrong email or password.");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.emailProperty().get()).isEqualTo(FakeIdentity.EMAIL);
    }

    @Test
    void asksForBothFieldsBeforeCallingTheBackend() {
        fill(FakeIdentity.EMAIL, "");
        identity.nextFailure = new ApiError.Unreachable("http://never.called");

        model.signIn();

        assertThat(model.errorProperty().get()).isEqualTo("Enter your email and password.");
        assertThat(identity.nextFailure).as("backend not asked").isNotNull();
    }

    @Test
    void passesOnTheRateLimitWait() {
        fill(FakeIdentity.EMAIL, FakeIdentity.PASSWORD);
        identity.nextFailure = new ApiError.RateLimited(Duration.ofSeconds(30));

        model.signIn();

        assertThat(model.errorProperty().get()).isEqualTo("Too many attempts — try again in 30 s");
    }

    @Test
    void staysBusyUntilTheAnswerArrives() {
        List<Runnable> pending = new ArrayList<>();
        SignInViewModel queued = new SignInViewModel(identity, pending::add, DIRECT, signedIn::add);
        queued.emailProperty().set(FakeIdentity.EMAIL);
        queued.passwordProperty().set(FakeIdentity.PASSWORD);

        queued.signIn();
        queued.signIn();

        assertThat(queued.busyProperty().get()).isTrue();
        assertThat(pending).as("a second press while busy sends nothing").hasSize(1);
        pending.getFirst().run();
        assertThat(queued.busyProperty().get()).isFalse();
        assertThat(signedIn).hasSize(1);
    }

    private void fill(String email, String password) {
        model.emailProperty().set(email);
        model.passwordProperty().set(password);
    }
}
