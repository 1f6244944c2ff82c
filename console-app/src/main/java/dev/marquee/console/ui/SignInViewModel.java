package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsException;
import dev.marquee.model.identity.WhoAmI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The console's sign-in logic: an SRE account gets in, anything else gets one clear sentence (wrong password,
 * throttled, not an SRE, backend down). The password field is emptied after every attempt.
 */
public final class SignInViewModel {
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final OpsApi ops;
    private final Executor background;
    private final Executor fx;
    private final Consumer<WhoAmI> admitted;

    public SignInViewModel(OpsApi ops, Executor background, Executor fx, Consumer<WhoAmI> admitted) {
        this.ops = ops;
        this.background = background;
        this.fx = fx;
        this.admitted = admitted;
    }

    public void submit() {
        String who = email.get().trim();
        String secret = password.get();
        password.set("");
        if (working.get()) {
            return;
        }
        if (who.isEmpty() || secret.isEmpty()) {
            problem.set("Enter the SRE account's email and password.");
            return;
        }
        working.set(true);
        problem.set("");
        CompletableFuture.supplyAsync(() -> ops.signIn(who, secret), background)
                .whenCompleteAsync((sre, failure) -> {
                    working.set(false);
                    if (failure == null) {
                        admitted.accept(sre);
                    } else {
                        problem.set(reason(failure));
                    }
                }, fx);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof OpsException ops ? ops.failure().message() : "Sign-in failed: " + cause;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
