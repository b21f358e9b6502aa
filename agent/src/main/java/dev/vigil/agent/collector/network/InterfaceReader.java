package dev.vigil.agent.collector.network;

import java.io.IOException;
import java.util.List;

/** Lists the host's network interfaces with their current state and counters. */
interface InterfaceReader {

  /** Every interface with the values read now; valid until the next call. */
  List<InterfaceReading> read() throws IOException;
}
