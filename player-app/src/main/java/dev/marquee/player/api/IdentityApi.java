package dev.marquee.player.api;

import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileView;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the player's screens ask of the backend's identity service. Every method blocks on the network and
 * throws {@link ApiException}; view models call it from their background executor, never the FX thread.
 */
public interface IdentityApi {

    AccountView signIn(String email, String password);

    List<ProfileView> profiles();

    /**
     * Makes {@code profileId} the active profile; {@code pin} only for a profile that has one. Later calls carry
     * the token scoped to that profile, which is what restricts a kids profile on the backend.
     */
    void selectProfile(UUID profileId, @Nullable String pin);

    /** Forgets the tokens at once and revokes the refresh token on the backend when it can be reached. */
    void signOut();
}
