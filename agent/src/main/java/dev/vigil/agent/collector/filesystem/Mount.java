package dev.vigil.agent.collector.filesystem;

/** One line of {@code /proc/mounts}: what is mounted where, as which filesystem type. */
record Mount(String device, String mountpoint, String fstype) {}
