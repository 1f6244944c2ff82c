package dev.marquee.backend.license.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest licence per session in {@code license_grants}: what the concurrent-stream limit counts. */
@Repository
class LicenseGrants {
    private final JdbcClient jdbc;

    LicenseGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sessions of the account whose latest licence is still valid at {@code now}. */
    List<UUID> liveSessions(UUID accountId, Instant now) {
        return jdbc.sql("select session_id from license_grants where account_id = ? and expires_at > ?")
                .params(accountId, ts(now)).query(UUID.class).list();
    }

    /** Records a licence for its session, replacing the previous one (a renewal). */
    void record(UUID sessionId, UUID accountId, UUID titleId, String deviceId, UUID licenseId, Instant issuedAt,
                Instant expiresAt) {
        int updated = jdbc.sql("""
                update license_grants set device_id = ?, license_id = ?, issued_at = ?, expires_at = ?
                where session_id = ?""")
                .params(deviceId, licenseId, ts(issuedAt), ts(expiresAt), sessionId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into license_grants (session_id, account_id, title_id, device_id, license_id, issued_at, expires_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(sessionId, accountId, titleId, deviceId, licenseId, ts(issuedAt), ts(expiresAt)).update();
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
