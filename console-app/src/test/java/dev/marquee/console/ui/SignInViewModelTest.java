package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.identity.WhoAmI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private final FakeOps ops = new FakeOps();
    private final List<WhoAmI> admitted = new ArrayList<>();
    private final SignInViewModel model = new SignInViewModel(ops, SAME_THREAD, SAME_THREAD, admitted::add);

    @Test
    void admitsAnSre() {
        attempt(FakeOps.SRE, FakeOps.PASSWORD);

        assertThat(admitted).extracting(WhoAmI::email).containsExactly(FakeOps.SRE);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void refusesAViewerWithTheRoleMessage() {
        attempt(FakeOps.VIEWER, FakeOps.PASSWORD);

        assertThat(admitted).isEmpty();
        assertThat(model.problemProperty().get())
                .isEqualTo("This account is not an SRE account; the ops console needs the SRE role");
    }

    @Test
    void saysWrongPasswordAndClearsTheField() {
        attempt(FakeOps.SRE, "hunter2");

        assertThat(model.problemProperty().get()).isEqualTo("Wrong email or password.");
        assertThat(model.passwordProperty().get()).isEmpty();
    }

    @Test
    void wantsBothFields() {
        attempt("  ", FakeOps.PASSWORD);

        assertThat(model.problemProperty().get()).isEqualTo("Enter the SRE account's email and password.");
        assertThat(admitted).isEmpty();
    }

    private void attempt(String email, String password) {
        model.emailProperty().set(email);
        model.passwordProperty().set(password);
        model.submit();
    }
}
