package dev.marquee.backend.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint that fails the way a bug would, to prove the caller sees a bare 500 problem.
 * Lives in the test sources, so the shared test context picks it up by component scanning.
 */
@RestController
class FailingController {
    static final String PATH = "/api/test/failing";
    static final String SECRET = "db password is hunter2";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException(SECRET);
    }
}
