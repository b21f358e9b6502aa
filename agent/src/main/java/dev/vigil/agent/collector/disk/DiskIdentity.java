package dev.vigil.agent.collector.disk;

/**
 * What stays put about a block device between ticks: whether it is a whole disk (partitions are not
 * reported) and its model and serial, empty when unknown.
 */
record DiskIdentity(int major, int minor, boolean wholeDisk, String model, String serial) {

  /** Whether this identity was resolved for the device numbers a line now shows. */
  boolean matches(int major, int minor) {
    return this.major == major && this.minor == minor;
  }
}
