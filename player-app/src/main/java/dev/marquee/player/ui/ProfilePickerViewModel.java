package dev.marquee.player.ui;

import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.IdentityApi;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * "Who's watching?" logic: loads the account's profiles, asks for a PIN where a profile has one and refuses a
 * profile the backend has locked after too many wrong PINs. Selecting happens on the background executor.
 */
public final class ProfilePickerViewModel {
    private final ObservableList<ProfileView> profiles = FXCollections.observableArrayList();
    private final ObservableList<ProfileView> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final ReadOnlyObjectWrapper<@Nullable ProfileView> awaitingPin = new ReadOnlyObjectWrapper<>(this, "awaitingPin");
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);

    private final IdentityApi identity;
    private final Executor background;
    private final Executor ui;
    private final Consumer<ProfileView> onChosen;

    public ProfilePickerViewModel(IdentityApi identity, Executor background, Executor ui, Consumer<ProfileView> onChosen) {
        this.identity = identity;
        this.background = background;
        this.ui = ui;
        this.onChosen = onChosen;
    }

    /** Fetches the profiles; the list stays empty and {@link #errorProperty()} says why if that fails. */
    public void load() {
        loading.set(true);
        background.execute(() -> {
            try {
                List<ProfileView> fetched = identity.profiles();
                ui.execute(() -> {
                    loading.set(false);
                    profiles.setAll(fetched);
                    if (fetched.isEmpty()) {
                        error.set("This account has no profiles yet.");
                    }
                    closePromptIfLocked();
                });
            } catch (ApiException e) {
                ui.execute(() -> {
                    loading.set(false);
                    error.set(e.error().message());
                });
            }
        });
    }

    /** A click on a profile: locked ones are refused, PIN-protected ones open the PIN prompt, others go in. */
    public void choose(ProfileView profile) {
        error.set("");
        if (profile.locked()) {
            error.set(lockedMessage(profile));
        } else if (profile.hasPin()) {
            pin.set("");
            awaitingPin.set(profile);
        } else {
            select(profile, null);
        }
    }

    public void submitPin() {
        ProfileView profile = awaitingPin.get();
        if (profile == null) {
            return;
        }
        String entered = pin.get().strip();
        pin.set("");
        if (!entered.matches("\\d{4}")) {
            error.set("The PIN is four digits.");
            return;
        }
        select(profile, entered);
    }

    public void cancelPin() {
        pin.set("");
        error.set("");
        awaitingPin.set(null);
    }

    private void closePromptIfLocked() {
        ProfileView prompted = awaitingPin.get();
        if (prompted == null) {
            return;
        }
        profiles.stream()
                .filter(p -> p.id().equals(prompted.id()) && p.locked())
                .findFirst()
                .ifPresent(locked -> {
                    awaitingPin.set(null);
                    error.set(lockedMessage(locked));
                });
    }

    static String lockedMessage(ProfileView profile) {
        return "“" + profile.name() + "” is locked after too many wrong PINs. Try again later.";
    }

    private void select(ProfileView profile, @Nullable String enteredPin) {
        background.execute(() -> {
            try {
                identity.selectProfile(profile.id(), enteredPin);
                ui.execute(() -> {
                    awaitingPin.set(null);
                    onChosen.accept(profile);
                });
            } catch (ApiException e) {
                ui.execute(() -> {
                    error.set(e.error().message());
                    load(); // the refusal may have locked the profile: show its new state
                });
            }
        });
    }

    public ObservableList<ProfileView> profiles() {
        return profilesView;
    }

    public ReadOnlyObjectProperty<@Nullable ProfileView> awaitingPinProperty() {
        return awaitingPin.getReadOnlyProperty();
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
