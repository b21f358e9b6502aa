package dev.vigil.collector.incident.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The SQL of the {@code fleet_host} table. */
final class FleetRows {
  private static final Gson GSON = new Gson();
  private static final Type LABELS = new TypeToken<Map<String, String>>() {}.getType();

  private FleetRows() {}

  private static final String SELECT =
      "SELECT name, labels, agent_version, os, first_seen, last_seen, state, state_changed_at,"
          + " collector FROM fleet_host";

  /** Rows {@code collector} may change: its own, and those no collector has claimed by name. */
  private static final String HELD_BY = " AND (collector = ? OR collector IS NULL)";

  /**
   * A Hello arrived at {@code collector}: the host is up there as of {@code at}, with the identity
   * it gave. Its first-seen time is kept when the row exists. Both databases take {@code ON
   * CONFLICT ... DO UPDATE}.
   */
  static void claim(
      Connection c,
      String collector,
      String name,
      Map<String, String> labels,
      String agentVersion,
      String os,
      Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO fleet_host (name, labels, agent_version, os, first_seen, last_seen, state,"
                + " state_changed_at, collector) VALUES (?, ?, ?, ?, ?, ?, 'UP', ?, ?) ON CONFLICT"
                + " (name) DO UPDATE SET labels = excluded.labels, agent_version ="
                + " excluded.agent_version, os = excluded.os, last_seen = excluded.last_seen,"
                + " state = 'UP', state_changed_at = excluded.state_changed_at,"
                + " collector = excluded.collector")) {
      s.setString(1, name);
      s.setString(2, GSON.toJson(new TreeMap<>(labels)));
      s.setString(3, agentVersion);
      s.setString(4, os);
      s.setLong(5, at.toEpochMilli());
      s.setLong(6, at.toEpochMilli());
      s.setLong(7, at.toEpochMilli());
      s.setString(8, collector);
      s.executeUpdate();
    }
  }

  /**
   * The host's stream to {@code collector} ended: it is shut down or lost as of {@code at}, last
   * seen then. Nothing changes when another collector holds the host by now (it moved there first).
   */
  static void release(
      Connection c,
      String collector,
      String name,
      FleetHost.State state,
      Instant lastSeen,
      Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE fleet_host SET state = ?, state_changed_at = ?, last_seen = ? WHERE name = ?"
                + HELD_BY)) {
      s.setString(1, state.name());
      s.setLong(2, at.toEpochMilli());
      s.setLong(3, lastSeen.toEpochMilli());
      s.setString(4, name);
      s.setString(5, collector);
      s.executeUpdate();
    }
  }

  /**
   * Moves forward to {@code lastSeen}, never back, the last-seen time of a host {@code collector}
   * holds.
   */
  static void seen(Connection c, String collector, String name, Instant lastSeen)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE fleet_host SET last_seen = ? WHERE name = ? AND last_seen < ?" + HELD_BY)) {
      s.setLong(1, lastSeen.toEpochMilli());
      s.setString(2, name);
      s.setLong(3, lastSeen.toEpochMilli());
      s.setString(4, collector);
      s.executeUpdate();
    }
  }

  /**
   * Every host recorded as up on {@code collector} (or on no collector by name) becomes lost as of
   * {@code at}; returns how many did. Hosts up on other collectors stay up.
   */
  static int upToLost(Connection c, String collector, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE fleet_host SET state = 'LOST', state_changed_at = ? WHERE state = 'UP'"
                + HELD_BY)) {
      s.setLong(1, at.toEpochMilli());
      s.setString(2, collector);
      return s.executeUpdate();
    }
  }

  /** Removes the host's row; returns whether there was one. */
  static boolean delete(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM fleet_host WHERE name = ?")) {
      s.setString(1, name);
      return s.executeUpdate() == 1;
    }
  }

  /** The host's row, if the table has one. */
  static Optional<FleetHost> byName(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(host(rs)) : Optional.empty();
      }
    }
  }

  /** Every host, by name. */
  static List<FleetHost> all(Connection c) throws SQLException {
    List<FleetHost> hosts = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        hosts.add(host(rs));
      }
    }
    return hosts;
  }

  private static FleetHost host(ResultSet rs) throws SQLException {
    Map<String, String> labels = GSON.fromJson(rs.getString("labels"), LABELS);
    return new FleetHost(
        rs.getString("name"),
        labels,
        rs.getString("agent_version"),
        rs.getString("os"),
        Columns.instant(rs, "first_seen"),
        Columns.instant(rs, "last_seen"),
        FleetHost.State.valueOf(rs.getString("state")),
        Columns.instant(rs, "state_changed_at"),
        Objects.requireNonNullElse(rs.getString("collector"), ""));
  }
}
