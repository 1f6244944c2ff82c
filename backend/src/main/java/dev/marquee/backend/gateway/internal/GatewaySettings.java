package dev.marquee.backend.gateway.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.gateway}.
 *
 * @param ioThreads              event loop threads shared by every gateway; 0 means one per core
 * @param maxConnections         connections one gateway serves at once
 * @param retries                further attempts of an idempotent call, each on another instance
 * @param connectTimeout         connecting to an instance; loopback connects in microseconds
 * @param maxBodySize            largest request body forwarded, in bytes
 * @param accountPerSecond       requests one account may make per second …
 * @param accountPerMinute       … and per minute
 * @param addressPerSecond       requests one client address may make per second …
 * @param addressPerMinute       … and per minute
 * @param partTimeout            time limit of each part of an aggregation
 * @param partCacheTtl           how long a part's last good answer serves as its fallback
 */
@ConfigurationProperties("marquee.gateway")
record GatewaySettings(
        @DefaultValue("0") int ioThreads,
        @DefaultValue("1024") int maxConnections,
        @DefaultValue("2") int retries,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("1048576") int maxBodySize,
        @DefaultValue("50") int accountPerSecond,
        @DefaultValue("1500") int accountPerMinute,
        @DefaultValue("500") int addressPerSecond,
        @DefaultValue("20000") int addressPerMinute,
        @DefaultValue("800ms") Duration partTimeout,
        @DefaultValue("10m") Duration partCacheTtl) {

    GatewaySettings {
        if (ioThreads < 0 || maxConnections < 1 || retries < 0 || accountPerSecond < 1 || accountPerMinute < 1 || addressPerSecond < 1
                || addressPerMinute < 1 || maxBodySize < 0) {
            throw new IllegalArgumentException("marquee.gateway: limits must be positive");
        }
    }
}
