package dev.vigil.collector.incident.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Instants as epoch-millisecond columns, null for null, and generated keys. */
final class Columns {
  private Columns() {}

  static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value.toEpochMilli());
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  /**
   * The id of the row just inserted. Both drivers put it first: SQLite answers {@code
   * last_insert_rowid()}, PostgreSQL the row, whose first column is {@code id}.
   */
  static long generatedId(PreparedStatement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("the database returned no id for the new row");
      }
      return keys.getLong(1);
    }
  }
}
