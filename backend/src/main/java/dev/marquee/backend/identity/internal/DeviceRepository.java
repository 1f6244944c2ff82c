package dev.marquee.backend.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Devices in {@code identity_device}; every lookup is scoped to the owning account. */
@Repository
class DeviceRepository {
    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Device> findAll(UUID accountId) {
        return jdbc.sql("select * from identity_device where account_id = ? order by registered_at")
                .param(accountId).query(DeviceRepository::map).list();
    }

    Optional<Device> find(UUID accountId, UUID deviceId) {
        return jdbc.sql("select * from identity_device where account_id = ? and id = ?")
                .params(accountId, deviceId).query(DeviceRepository::map).optional();
    }

    long count(UUID accountId) {
        return jdbc.sql("select count(*) from identity_device where account_id = ?").param(accountId).query(Long.class).single();
    }

    void insert(Device d) {
        jdbc.sql("""
                insert into identity_device (id, account_id, name, key_algorithm, public_key, registered_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.accountId(), d.name(), d.keyAlgorithm(), d.publicKey(),
                        Timestamps.sql(d.registeredAt()), Timestamps.sql(d.lastSeenAt()))
                .update();
    }

    void touch(UUID accountId, UUID deviceId, Instant seenAt) {
        jdbc.sql("update identity_device set last_seen_at = ? where account_id = ? and id = ?")
                .params(Timestamps.sql(seenAt), accountId, deviceId).update();
    }

    boolean delete(UUID accountId, UUID deviceId) {
        return jdbc.sql("delete from identity_device where account_id = ? and id = ?").params(accountId, deviceId).update() > 0;
    }

    private static Device map(ResultSet rs, int row) throws SQLException {
        return new Device(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getString("key_algorithm"), rs.getString("public_key"), Timestamps.readRequired(rs, "registered_at"),
                Timestamps.read(rs, "last_seen_at"));
    }
}
