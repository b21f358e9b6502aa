package dev.vigil.collector.store;

/**
 * What a series is, apart from the host that has it: its key (the metric name and sorted label
 * pairs), its label pairs and its exposition text. Immutable, and one instance per distinct series
 * across the fleet ({@link SeriesStore#shape}).
 *
 * @param key the metric name and the sorted label pairs, separated by NUL
 * @param pairs the label pairs sorted by name, never changed after
 * @param text the exposition text without {@code instance} and the closing brace, never changed
 */
record SeriesShape(String key, String[] pairs, byte[] text) {}
