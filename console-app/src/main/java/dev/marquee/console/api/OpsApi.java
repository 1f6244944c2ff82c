package dev.marquee.console.api;

import dev.marquee.model.identity.WhoAmI;

/** What the console's screens ask of the backend. Blocking calls that throw {@link OpsException}. */
public interface OpsApi {

    /** Signs in and proves the SRE role; an account without it is signed out again and refused. */
    WhoAmI signIn(String email, String password);

    /** Asks the SRE-only endpoint who the token belongs to: proves the token and the role. */
    WhoAmI whoAmI();

    /** True when the backend answers its health check with 2xx; never throws. */
    boolean healthy();

    void signOut();

    String baseUrl();
}
