package dev.vigil.collector.incident.store;

import java.sql.SQLException;

/** A row changed between reading it and writing it (another collector): read again and retry. */
final class ConcurrentChangeException extends SQLException {
  private static final long serialVersionUID = 1L;

  ConcurrentChangeException(long incidentId) {
    super("incident " + incidentId + " changed while it was being updated");
  }
}
