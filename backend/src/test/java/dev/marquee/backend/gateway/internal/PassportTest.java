package dev.marquee.backend.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassportTest {

    @Test
    void rendersEachPhaseThatWasStampedAsServerTiming() {
        Passport passport = new Passport();
        passport.stamp(Passport.Stamp.IN_REQUEST_START);
        passport.stamp(Passport.Stamp.IN_FILTERS_END);

        assertThat(passport.serverTiming()).matches("inbound;dur=\\d+\\.\\d\\d");

        passport.stamp(Passport.Stamp.UPSTREAM_START);
        passport.stamp(Passport.Stamp.UPSTREAM_END);
        passport.stamp(Passport.Stamp.OUT_RESPONSE_START);
        assertThat(passport.serverTiming()).matches("inbound;dur=[\\d.]+, upstream;dur=[\\d.]+, total;dur=[\\d.]+");
    }

    @Test
    void spansRetriedUpstreamCallsFromTheFirstStartToTheLastEnd() throws InterruptedException {
        Passport passport = new Passport();
        passport.stamp(Passport.Stamp.UPSTREAM_START);
        passport.stamp(Passport.Stamp.UPSTREAM_END);
        long firstEnd = System.nanoTime();
        while (System.nanoTime() - firstEnd < 3_000_000) {
            Thread.onSpinWait(); // a measurable gap between the two attempts
        }
        passport.stamp(Passport.Stamp.UPSTREAM_START);
        passport.stamp(Passport.Stamp.UPSTREAM_END);

        double upstreamMs = Double.parseDouble(passport.serverTiming().replaceAll(".*upstream;dur=([\\d.]+).*", "$1"));
        assertThat(upstreamMs).isGreaterThanOrEqualTo(3.0);
    }
}
