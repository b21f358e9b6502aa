package dev.vigil.agent.collector.filesystem;

import java.io.IOException;
import java.util.List;

/** Lists the host's local filesystems with their current space. */
interface FilesystemReader {

  /** Every local filesystem, in mount order, with the space read now. */
  List<FilesystemReading> read() throws IOException;
}
