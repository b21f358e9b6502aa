package dev.vigil.agent.collector.filesystem;

/** One mounted filesystem's identity and space in bytes, read in one go. */
record FilesystemReading(
    String device, String mountpoint, String fstype, long size, long free, long avail) {}
