package dev.vigil.collector.incident.store;

/** The incident database failed: the message says which operation and the database's reason. */
public final class IncidentStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IncidentStoreException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
