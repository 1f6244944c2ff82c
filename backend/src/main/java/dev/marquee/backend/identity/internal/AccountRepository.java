package dev.marquee.backend.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in {@code identity_account}. */
@Repository
class AccountRepository {
    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select * from identity_account where email = ?").param(Account.normalizeEmail(email))
                .query(AccountRepository::map).optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select * from identity_account where id = ?").param(id).query(AccountRepository::map).optional();
    }

    /** Locks the account row until the transaction ends: serialises changes to the account's profiles and devices. */
    boolean lock(UUID id) {
        return jdbc.sql("select id from identity_account where id = ? for update").param(id).query(UUID.class).optional().isPresent();
    }

    void insert(Account account) {
        jdbc.sql("""
                insert into identity_account (id, email, display_name, password_hash, roles, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(account.id(), account.email(), account.displayName(), account.passwordHash(),
                        Account.rolesColumn(account.roles()), Timestamps.sql(account.createdAt()))
                .update();
    }

    /** Marks an account as a synthetic viewer (see {@code V101}). */
    void markSynthetic(UUID id) {
        jdbc.sql("update identity_account set synthetic = true where id = ?").param(id).update();
    }

    boolean isSynthetic(UUID id) {
        return jdbc.sql("select synthetic from identity_account where id = ?").param(id).query(Boolean.class).optional()
                .orElse(false);
    }

    long count() {
        return jdbc.sql("select count(*) from identity_account").query(Long.class).single();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), Account.parseRoles(rs.getString("roles")), Timestamps.readRequired(rs, "created_at"));
    }
}
