package dev.marquee.player.ui;

import dev.marquee.model.identity.AccountView;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.IdentityApi;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Sign-in screen logic: checks the form, signs in on the background executor and turns a failure into one
 * readable sentence. It never keeps the password after an attempt.
 */
public final class SignInViewModel {
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding formFilled = Bindings.createBooleanBinding(
            () -> !email.get().isBlank() && !password.get().isEmpty(), email, password);

    private final IdentityApi identity;
    private final Executor background;
    private final Executor ui;
    private final Consumer<AccountView> onSignedIn;

    /**
     * @param background runs the blocking call (the calling thread in tests)
     * @param ui         runs the result on the FX thread ({@code Platform::runLater} in the app)
     */
    public SignInViewModel(IdentityApi identity, Executor background, Executor ui, Consumer<AccountView> onSignedIn) {
        this.identity = identity;
        this.background = background;
        this.ui = ui;
        this.onSignedIn = onSignedIn;
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        if (!formFilled.get()) {
            error.set("Enter your email and password.");
            return;
        }
        String who = email.get().strip();
        String secret = password.get();
        password.set("");
        error.set("");
        busy.set(true);
        background.execute(() -> {
            try {
                AccountView account = identity.signIn(who, secret);
                ui.execute(() -> {
                    busy.set(false);
                    onSignedIn.accept(account);
                });
            } catch (ApiException e) {
                ui.execute(() -> fail(e.error().message()));
            } catch (RuntimeException e) {
                ui.execute(() -> fail("Sign-in failed unexpectedly: " + e.getMessage()));
            }
        });
    }

    /** Back here because the session could not be renewed: say so above the form. */
    void sessionEnded() {
        error.set(new dev.marquee.player.api.ApiError.SessionExpired().message());
    }

    private void fail(String message) {
        busy.set(false);
        error.set(message);
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
