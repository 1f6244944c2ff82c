package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsException;
import dev.marquee.console.api.OpsFailure;
import dev.marquee.model.identity.Role;
import dev.marquee.model.identity.WhoAmI;
import java.util.Set;
import java.util.UUID;

/** An in-memory ops backend for view-model tests: one SRE, one viewer, a health switch. */
final class FakeOps implements OpsApi {
    static final String SRE = "oncall@example.test";
    static final String VIEWER = "watcher@example.test";
    static final String PASSWORD = "pager-duty";

    boolean healthy = true;
    int healthChecks;
    int signOuts;

    @Override
    public WhoAmI signIn(String email, String password) {
        if (!PASSWORD.equals(password) || !(SRE.equals(email) || VIEWER.equals(email))) {
            throw new OpsException(new OpsFailure.WrongPassword());
        }
        if (VIEWER.equals(email)) {
            throw new OpsException(new OpsFailure.NotSre());
        }
        return whoAmI();
    }

    @Override
    public WhoAmI whoAmI() {
        return new WhoAmI(UUID.nameUUIDFromBytes(SRE.getBytes()), SRE, Set.of(Role.SRE));
    }

    @Override
    public boolean healthy() {
        healthChecks++;
        return healthy;
    }

    @Override
    public void signOut() {
        signOuts++;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:8080";
    }
}
