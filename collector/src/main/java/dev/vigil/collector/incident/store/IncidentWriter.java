package dev.vigil.collector.incident.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes: every change runs on it, one transaction at a time, so changes to an
 * incident never interleave within this collector. A transaction that loses a race with another
 * collector on the same database (a unique key taken, a row changed since it was read) is rolled
 * back and run again from its reads, which then see the winner's change.
 */
final class IncidentWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IncidentWriter.class);
  private static final int ATTEMPTS = 10;

  private final Dialect dialect;
  private final String location;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-incident-writer");
            t.setDaemon(true);
            return t;
          });
  private Connection connection;

  IncidentWriter(Dialect dialect, String location, Connection connection) {
    this.dialect = dialect;
    this.location = location;
    this.connection = connection;
  }

  /** Runs {@code work} in a transaction on the writer thread; {@code what} names it in errors. */
  <T> CompletableFuture<T> submit(String what, SqlWork<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      thread.execute(() -> run(what, work, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("the incident store is closed", e));
    }
    return result;
  }

  private <T> void run(String what, SqlWork<T> work, CompletableFuture<T> result) {
    for (int attempt = 1; ; attempt++) {
      try {
        Connection c = connection();
        dialect.begin(c);
        T value = work.run(c);
        dialect.commit(c);
        result.complete(value);
        return;
      } catch (SQLException e) {
        rollback();
        if (!retryable(e) || attempt == ATTEMPTS) {
          dropIfBroken();
          result.completeExceptionally(new IncidentStoreException(what, e));
          return;
        }
      } catch (RuntimeException e) {
        rollback();
        result.completeExceptionally(e);
        return;
      }
    }
  }

  private static boolean retryable(SQLException e) {
    return e instanceof ConcurrentChangeException || Dialect.isUniqueViolation(e);
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = dialect.connect(location, true);
    }
    return connection;
  }

  private void rollback() {
    try {
      if (connection != null) {
        dialect.rollback(connection);
      }
    } catch (SQLException e) {
      log.warn("rollback failed; the connection will be replaced", e);
      dropIfBroken();
    }
  }

  /** A connection the database dropped (PostgreSQL restarted) is replaced on the next change. */
  private void dropIfBroken() {
    try {
      if (connection != null && !connection.isValid(2)) {
        connection.close();
        connection = null;
      }
    } catch (SQLException e) {
      connection = null;
    }
  }

  /** Finishes the changes already submitted, then closes the connection. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("incident writes still running after 30s; closing anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      log.warn("closing the incident database failed", e);
    }
  }
}
