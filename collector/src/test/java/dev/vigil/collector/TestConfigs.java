package dev.vigil.collector;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Collector configurations for tests that start a real collector: loopback, and the incident store
 * in a test's temporary directory, so no test writes the default {@code vigil-data/} into the
 * source tree.
 */
public final class TestConfigs {
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  private TestConfigs() {}

  /** The defaults on free loopback ports, keeping the incidents in {@code dataDir}. */
  public static CollectorConfig loopback(Path dataDir) {
    return CollectorConfig.parse("--data-dir", dataDir.toString()).withListen(ANY_PORT, ANY_PORT);
  }
}
