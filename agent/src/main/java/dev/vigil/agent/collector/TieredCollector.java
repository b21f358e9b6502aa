package dev.vigil.agent.collector;

/** A collector and the tier it runs in. */
public record TieredCollector(Tier tier, Collector collector) {}
