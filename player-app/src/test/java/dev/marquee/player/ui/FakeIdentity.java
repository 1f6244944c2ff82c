package dev.marquee.player.ui;

import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.Role;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.IdentityApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An in-memory identity service for view-model tests: one account, a settable profile list, a PIN check. */
final class FakeIdentity implements IdentityApi {
    static final String EMAIL = "ana@example.test";
    static final String PASSWORD = "s3cret-enough";
    static final String PIN = "1357";

    final AccountView account = new AccountView(UUID.randomUUID(), EMAIL, "Ana", Set.of(Role.VIEWER));
    final List<ProfileView> profiles = new ArrayList<>();
    final List<String> selected = new ArrayList<>();
    @Nullable ApiError nextFailure;
    int signOuts;

    @Override
    public AccountView signIn(String email, String password) {
        failIfAsked();
        if (!EMAIL.equals(email) || !PASSWORD.equals(password)) {
            throw new ApiException(new ApiError.BadCredentials());
        }
        return account;
    }

    @Override
    public List<ProfileView> profiles() {
        failIfAsked();
        return List.copyOf(profiles);
    }

    @Override
    public void selectProfile(UUID profileId, @Nullable String pin) {
        failIfAsked();
        ProfileView profile = profiles.stream().filter(p -> p.id().equals(profileId)).findFirst().orElseThrow();
        if (profile.hasPin() && !PIN.equals(pin)) {
            throw new ApiException(new ApiError.Forbidden(
                    new dev.marquee.model.Problem(null, "Forbidden", 403, "Wrong PIN.", null)));
        }
        selected.add(profile.name());
    }

    @Override
    public void signOut() {
        signOuts++;
    }

    private void failIfAsked() {
        ApiError failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw new ApiException(failure);
        }
    }

    static ProfileView profile(String name, boolean hasPin, boolean locked) {
        return new ProfileView(UUID.randomUUID(), name, false, hasPin, locked, name.substring(0, 1));
    }
}
