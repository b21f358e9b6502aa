package dev.vigil.collector.incident.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection inside one transaction (or one read). */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
