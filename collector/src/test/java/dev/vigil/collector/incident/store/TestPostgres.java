package dev.vigil.collector.incident.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL the store tests run against: {@code VIGIL_TEST_POSTGRES_URL}, else the
 * database {@code .ci/postgres-test-db} creates. Each test gets a schema of its own. An unreachable
 * server fails the test with the command that sets it up: skipping would pass without checking.
 */
final class TestPostgres {
  static final String URL_VARIABLE = "VIGIL_TEST_POSTGRES_URL";
  static final String DEFAULT_URL =
      "jdbc:postgresql://127.0.0.1:5432/vigil_test?user=vigil&password=vigil";

  private TestPostgres() {}

  static String url() {
    String url = System.getenv(URL_VARIABLE);
    return url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  /** Creates an empty schema and returns a URL whose connections use it. */
  static String freshSchema() {
    String schema = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    execute("CREATE SCHEMA " + schema);
    return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void dropSchema(String schemaUrl) {
    String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + 14);
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at "
              + IncidentStore.redacted(url())
              + " ("
              + e.getMessage()
              + "); set it up as root with: .ci/postgres-test-db (or set "
              + URL_VARIABLE
              + ")",
          e);
    }
  }
}
