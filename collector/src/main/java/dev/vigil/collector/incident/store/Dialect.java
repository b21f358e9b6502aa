package dev.vigil.collector.incident.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What differs between the two databases: how to connect, the key column, the unique error. */
enum Dialect {
  SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
  POSTGRESQL("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

  /** How long an SQLite connection waits for another's write lock before failing. */
  static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

  private final String identityColumn;

  Dialect(String identityColumn) {
    this.identityColumn = identityColumn;
  }

  /** PostgreSQL for a {@code jdbc:postgresql:} URL, else SQLite for a file path. */
  static Dialect of(String location) {
    return location.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }

  String identityColumn() {
    return identityColumn;
  }

  /**
   * Opens a connection. SQLite runs in WAL mode, so readers never block the writer, with {@code
   * synchronous=FULL}: WAL's {@code NORMAL} survives a killed process but may lose the last commits
   * to a power cut, and incident changes are rare enough to pay one fsync each.
   *
   * <p>Readers, and every PostgreSQL connection, run with autocommit off. The SQLite writer runs
   * with autocommit on and opens each transaction itself with {@code BEGIN IMMEDIATE} ({@link
   * #begin}): sqlite-jdbc with autocommit off begins the next transaction the moment one commits,
   * so an IMMEDIATE mode would hold the write lock between changes, and a DEFERRED one could fail
   * half way when another process wrote since its first read.
   */
  Connection connect(String location, boolean writer) throws SQLException {
    if (this == POSTGRESQL) {
      Connection connection = DriverManager.getConnection(location);
      connection.setAutoCommit(false);
      return connection;
    }
    Connection connection = sqliteConfig().createConnection("jdbc:sqlite:" + sqliteFile(location));
    connection.setAutoCommit(writer);
    return connection;
  }

  /** Starts a writer's transaction; SQLite takes the write lock now, waiting for it if need be. */
  void begin(Connection connection) throws SQLException {
    if (this == SQLITE) {
      execute(connection, "BEGIN IMMEDIATE");
    }
  }

  void commit(Connection connection) throws SQLException {
    if (this == SQLITE) {
      execute(connection, "COMMIT");
    } else {
      connection.commit();
    }
  }

  void rollback(Connection connection) throws SQLException {
    if (this == POSTGRESQL) {
      connection.rollback();
    } else if (!connection.getAutoCommit()) {
      connection.rollback();
    } else {
      try {
        execute(connection, "ROLLBACK");
      } catch (SQLiteException e) {
        // The transaction had not begun, or SQLite already rolled it back: nothing to undo.
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static SQLiteConfig sqliteConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    return config;
  }

  private static Path sqliteFile(String location) {
    Path file = Path.of(location).toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
    return file;
  }

  /**
   * Whether a unique index refused a row: another writer got there first, and the transaction
   * succeeds when run again from its reads.
   */
  static boolean isUniqueViolation(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
    }
    return "23505".equals(e.getSQLState());
  }
}
