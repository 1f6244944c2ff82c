package dev.marquee.backend.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Profiles in {@code identity_profile}; every lookup is scoped to the owning account. */
@Repository
class ProfileRepository {
    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Profile> findAll(UUID accountId) {
        return jdbc.sql("select * from identity_profile where account_id = ? order by created_at, name")
                .param(accountId).query(ProfileRepository::map).list();
    }

    Optional<Profile> find(UUID accountId, UUID profileId) {
        return jdbc.sql("select * from identity_profile where account_id = ? and id = ?")
                .params(accountId, profileId).query(ProfileRepository::map).optional();
    }

    long count(UUID accountId) {
        return jdbc.sql("select count(*) from identity_profile where account_id = ?").param(accountId).query(Long.class).single();
    }

    void insert(Profile p) {
        jdbc.sql("""
                insert into identity_profile (id, account_id, name, kids, avatar, pin_hash, failed_pin_attempts, locked_until, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.accountId(), p.name(), p.kids(), p.avatar(), p.pinHash(), p.pinLock().failures(),
                        Timestamps.sql(p.pinLock().lockedUntil()), Timestamps.sql(p.createdAt()))
                .update();
    }

    void update(Profile p) {
        jdbc.sql("""
                update identity_profile set name = ?, kids = ?, avatar = ?, pin_hash = ?, failed_pin_attempts = ?, locked_until = ?
                where account_id = ? and id = ?""")
                .params(p.name(), p.kids(), p.avatar(), p.pinHash(), p.pinLock().failures(),
                        Timestamps.sql(p.pinLock().lockedUntil()), p.accountId(), p.id())
                .update();
    }

    void updatePinLock(UUID accountId, UUID profileId, PinLock lock) {
        jdbc.sql("update identity_profile set failed_pin_attempts = ?, locked_until = ? where account_id = ? and id = ?")
                .params(lock.failures(), Timestamps.sql(lock.lockedUntil()), accountId, profileId).update();
    }

    boolean delete(UUID accountId, UUID profileId) {
        return jdbc.sql("delete from identity_profile where account_id = ? and id = ?").params(accountId, profileId).update() > 0;
    }

    private static Profile map(ResultSet rs, int row) throws SQLException {
        return new Profile(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getBoolean("kids"), rs.getString("avatar"), rs.getString("pin_hash"),
                new PinLock(rs.getInt("failed_pin_attempts"), Timestamps.read(rs, "locked_until")),
                Timestamps.readRequired(rs, "created_at"));
    }
}
