package dev.vigil.agent.metric;

/** One reading of one series. */
public record Sample(Metric metric, Labels labels, double value) {}
