package dev.marquee.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Marquee backend: the platform services and the edge nodes in one process. */
@SpringBootApplication
public class MarqueeBackend {

    public static void main(String[] args) {
        SpringApplication.run(MarqueeBackend.class, args);
    }
}
