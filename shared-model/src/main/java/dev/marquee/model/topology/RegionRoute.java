package dev.marquee.model.topology;

/** One region in the director's answer: its gateway's URL. */
public record RegionRoute(String region, String gatewayUrl) {}
