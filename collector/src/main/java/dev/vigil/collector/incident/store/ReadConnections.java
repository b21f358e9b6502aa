package dev.vigil.collector.incident.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Connections for reads, kept for reuse (a PostgreSQL connection costs a round trip or three to
 * open). Reads run concurrently with each other and with the writer: SQLite's WAL gives each a
 * snapshot. A connection that failed a read is closed rather than kept.
 */
final class ReadConnections implements AutoCloseable {
  private static final int KEPT = 4;

  private final Dialect dialect;
  private final String location;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(KEPT);

  ReadConnections(Dialect dialect, String location) {
    this.dialect = dialect;
    this.location = location;
  }

  /** Runs {@code work} in a read-only transaction of its own; {@code what} names it in errors. */
  <T> T read(String what, SqlWork<T> work) {
    Connection connection = null;
    try {
      connection = idle.poll();
      if (connection == null) {
        connection = dialect.connect(location, false);
      }
      T value = work.run(connection);
      connection.commit();
      release(connection);
      return value;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IncidentStoreException(what, e);
    }
  }

  private void release(Connection connection) {
    if (!idle.offer(connection)) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Already failed; the read's own error is the one worth reporting.
    }
  }

  @Override
  public void close() {
    Connection connection;
    while ((connection = idle.poll()) != null) {
      closeQuietly(connection);
    }
  }
}
