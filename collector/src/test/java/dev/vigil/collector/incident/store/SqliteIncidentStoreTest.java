package dev.vigil.collector.incident.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store's behaviour on a real SQLite file, plus the SQLite settings the README promises. */
class SqliteIncidentStoreTest extends IncidentStoreContract {
  @Override
  String newLocation() throws Exception {
    return Files.createTempDirectory("vigil-incidents").resolve("data/incidents.db").toString();
  }

  @Override
  void deleteLocation(String location) throws Exception {
    Path dir = Path.of(location).getParent().getParent();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void shouldRunInWalModeWithFullSync() throws SQLException {
    try (Connection c = Dialect.SQLITE.connect(location, false)) {
      assertEquals("wal", pragma(c, "journal_mode"));
      assertEquals("2", pragma(c, "synchronous"));
      assertEquals("1", pragma(c, "foreign_keys"));
    }
  }

  private static String pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
