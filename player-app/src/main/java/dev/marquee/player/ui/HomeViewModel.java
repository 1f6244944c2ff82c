package dev.marquee.player.ui;

import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileView;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The home screen's state for one profile: who is watching and the rows of titles to browse.
 * It fetches no titles yet (the catalog arrives later), so it says so instead of showing made-up rows.
 */
public final class HomeViewModel {
    static final String EMPTY_TITLE = "No titles yet";
    static final String EMPTY_DETAIL =
            "Nothing has been published to the catalog. Titles appear here once they are encoded and published.";

    private final AccountView account;
    private final ProfileView profile;
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private final ObservableList<String> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Runnable onSwitchProfile;
    private final Runnable onSignOut;

    public HomeViewModel(AccountView account, ProfileView profile, Runnable onSwitchProfile, Runnable onSignOut) {
        this.account = account;
        this.profile = profile;
        this.onSwitchProfile = onSwitchProfile;
        this.onSignOut = onSignOut;
    }

    public String profileName() {
        return profile.name();
    }

    public String accountEmail() {
        return account.email();
    }

    /** Row titles to browse; empty until the catalog serves rows. */
    public ObservableList<String> rows() {
        return rowsView;
    }

    public String emptyTitle() {
        return EMPTY_TITLE;
    }

    public String emptyDetail() {
        return EMPTY_DETAIL;
    }

    public void switchProfile() {
        onSwitchProfile.run();
    }

    public void signOut() {
        onSignOut.run();
    }
}
