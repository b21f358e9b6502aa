package dev.vigil.agent.collector.disk;

import java.io.IOException;
import java.util.List;

/** Lists the host's disks with their current counters. */
interface DiskReader {

  /** Every whole disk with the counters read now; valid until the next call. */
  List<DiskReading> read() throws IOException;
}
