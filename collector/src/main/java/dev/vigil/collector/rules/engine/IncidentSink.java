package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;

/**
 * Where the engine tells that an alert started or stopped firing. Called on the ingest or sweep
 * thread with the host's lock held: an implementation must hand the work off, never block.
 */
public interface IncidentSink {
  /** The alert started firing. */
  void raise(FiringAlert alert);

  /** The alert stopped firing. */
  void clear(IncidentKey key);
}
