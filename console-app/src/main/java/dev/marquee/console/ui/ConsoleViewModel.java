package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.model.identity.WhoAmI;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/** The console's navigation: the sign-in screen until an SRE is admitted, then the dashboard. */
public final class ConsoleViewModel {
    private final ReadOnlyObjectWrapper<@Nullable WhoAmI> sre = new ReadOnlyObjectWrapper<>(this, "sre");
    private final OpsApi ops;
    private final Executor background;
    private final Executor fx;
    private final Ticker ticker;
    private final SignInViewModel signIn;

    public ConsoleViewModel(OpsApi ops, Executor background, Executor fx, Ticker ticker) {
        this.ops = ops;
        this.background = background;
        this.fx = fx;
        this.ticker = ticker;
        this.signIn = new SignInViewModel(ops, background, fx, sre::set);
    }

    public SignInViewModel signIn() {
        return signIn;
    }

    /** A dashboard for the admitted SRE; signing out of it returns to sign-in. */
    public DashboardViewModel dashboard() {
        return new DashboardViewModel(Objects.requireNonNull(sre.get(), "admitted"), ops, background, fx, ticker,
                () -> sre.set(null));
    }

    /** The signed-in SRE, or null on the sign-in screen. */
    public ReadOnlyObjectProperty<@Nullable WhoAmI> sreProperty() {
        return sre.getReadOnlyProperty();
    }
}
