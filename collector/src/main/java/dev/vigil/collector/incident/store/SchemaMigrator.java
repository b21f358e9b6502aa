package dev.vigil.collector.incident.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database's schema up to date from the numbered scripts {@code migrations/001.sql},
 * {@code 002.sql}, ... next to this class, each applied once, in order, in its own transaction, and
 * recorded in {@code schema_version}. A database newer than the scripts is refused rather than
 * written to with an old understanding of it.
 *
 * <p>Scripts hold plain statements, each ending with {@code ;} at the end of a line; lines starting
 * with {@code --} are comments; {@code ${identity}} stands for the dialect's key column. Several
 * collectors starting at once on one PostgreSQL take turns through a lock on the version table.
 */
final class SchemaMigrator {
  private static final String FOLDER = "migrations/";

  private final Dialect dialect;

  SchemaMigrator(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Applies what is missing; returns the schema version now in force. */
  int migrate(Connection connection) throws SQLException {
    dialect.begin(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    }
    dialect.commit(connection);
    int known = latestScript();
    int current = lockedVersion(connection);
    if (current > known) {
      dialect.rollback(connection);
      throw new SQLException(
          "the database's schema is version "
              + current
              + " but this collector knows only up to "
              + known
              + ": run a newer collector");
    }
    while (current < known) {
      apply(connection, current + 1);
      dialect.commit(connection);
      // Another collector may have moved on while the lock was free.
      current = lockedVersion(connection);
    }
    dialect.commit(connection);
    return known;
  }

  /** Starts a transaction that holds the version table and returns the version it records. */
  private int lockedVersion(Connection connection) throws SQLException {
    dialect.begin(connection);
    try (Statement statement = connection.createStatement()) {
      if (dialect == Dialect.POSTGRESQL) {
        statement.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
      }
      try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private void apply(Connection connection, int version) throws SQLException {
    String script = script(version);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(script.replace("${identity}", dialect.identityColumn()))) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, version);
      insert.setString(2, description(script));
      insert.setLong(3, System.currentTimeMillis());
      insert.executeUpdate();
    }
  }

  /** The highest script number present: scripts are numbered without gaps from 1. */
  static int latestScript() {
    int version = 0;
    while (SchemaMigrator.class.getResource(FOLDER + name(version + 1)) != null) {
      version++;
    }
    return version;
  }

  private static String script(int version) {
    try (InputStream in = SchemaMigrator.class.getResourceAsStream(FOLDER + name(version))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + name(version), e);
    }
  }

  private static String name(int version) {
    return String.format("%03d.sql", version);
  }

  /** The first comment line, without its dashes. */
  private static String description(String script) {
    String first = script.lines().findFirst().orElse("");
    return first.startsWith("--") ? first.substring(2).strip() : "";
  }

  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        statements.add(current.toString().strip().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalArgumentException("a migration ends without ';': " + current.toString());
    }
    return statements;
  }
}
