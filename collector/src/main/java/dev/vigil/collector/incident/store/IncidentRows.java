package dev.vigil.collector.incident.store;

import dev.vigil.collector.incident.EventAction;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.OpenIncident;
import dev.vigil.collector.incident.PagingHistory;
import dev.vigil.collector.incident.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The SQL of the {@code incident} and {@code incident_event} tables. */
final class IncidentRows {
  private static final String SELECT =
      "SELECT i.id, i.host, i.rule, i.labels, i.severity, i.state, i.summary, i.runbook_url,"
          + " i.opened_at, i.changed_at, i.acknowledged_at, i.resolved_at, i.flaps, i.tier"
          + " FROM incident i ";

  /**
   * Each open incident with the latest of its events that decide paging: one query, where reading
   * each one's timeline would be a query per incident every second.
   */
  private static final String OPEN_WITH_PAGING =
      SELECT.replace(" FROM", ", e.happened_at, e.actor, e.action, e.comment FROM")
          + "JOIN incident_event e ON e.id = (SELECT MAX(d.id) FROM incident_event d"
          + " WHERE d.incident_id = i.id AND d.action IN ("
          + PagingHistory.DECIDING.stream()
              .map(action -> "'" + action.name() + "'")
              .collect(Collectors.joining(", "))
          + ")) WHERE i.state = 'OPEN' ORDER BY i.id";

  private IncidentRows() {}

  static Optional<Incident> byId(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + "WHERE id = ?")) {
      s.setLong(1, id);
      return first(s);
    }
  }

  /** The key's unresolved incident, else its most recently resolved one. */
  static Optional<Incident> latest(Connection c, IncidentKey key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            SELECT
                + "WHERE dedupe_key = ? ORDER BY CASE WHEN state = 'RESOLVED' THEN 1 ELSE 0 END,"
                + " resolved_at DESC, id DESC LIMIT 1")) {
      s.setString(1, key.dedupeKey());
      return first(s);
    }
  }

  static List<Incident> unresolved(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(SELECT + "WHERE state <> 'RESOLVED' ORDER BY id")) {
      return all(s);
    }
  }

  static List<OpenIncident> openWithPaging(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(OPEN_WITH_PAGING);
        ResultSet rs = s.executeQuery()) {
      List<OpenIncident> open = new ArrayList<>();
      while (rs.next()) {
        open.add(new OpenIncident(read(rs), PagingHistory.from(event(rs))));
      }
      return open;
    }
  }

  /**
   * Up to {@code max} incidents resolved before {@code before}, oldest first, whose every notice
   * was delivered or parked: one still waiting for a receiver is kept until it gets through.
   */
  static List<Long> prunable(Connection c, Instant before, int max) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT i.id FROM incident i WHERE i.state = 'RESOLVED' AND i.resolved_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = i.id"
                + " AND o.delivered_at IS NULL AND o.parked_at IS NULL)"
                + " ORDER BY i.resolved_at, i.id LIMIT ?")) {
      Columns.setInstant(s, 1, before);
      s.setInt(2, max);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  /**
   * Deletes the incident with its notices and its audit trail, in that order (they refer to it).
   */
  static void delete(Connection c, long id) throws SQLException {
    for (String table : List.of("outbox", "incident_event")) {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM " + table + " WHERE incident_id = ?")) {
        s.setLong(1, id);
        s.executeUpdate();
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM incident WHERE id = ?")) {
      s.setLong(1, id);
      s.executeUpdate();
    }
  }

  /** The incidents {@code filter} selects, newest first, at most {@code filter.limit()}. */
  static List<Incident> matching(Connection c, IncidentFilter filter) throws SQLException {
    StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1");
    List<String> values = new ArrayList<>();
    if (filter.state() != null) {
      sql.append(" AND state = ?");
      values.add(filter.state().name());
    }
    if (filter.host() != null) {
      sql.append(" AND host = ?");
      values.add(filter.host());
    }
    if (filter.severity() != null) {
      sql.append(" AND severity = ?");
      values.add(filter.severity().name());
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        s.setString(i + 1, values.get(i));
      }
      s.setInt(values.size() + 1, filter.limit());
      return all(s);
    }
  }

  static long insert(Connection c, Incident i) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO incident (dedupe_key, host, rule, labels, severity, state, summary,"
                + " runbook_url, opened_at, changed_at, acknowledged_at, resolved_at, flaps, tier)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, i.key().dedupeKey());
      s.setString(2, i.key().host());
      s.setString(3, i.key().rule());
      s.setString(4, i.key().labelsText());
      s.setString(5, i.severity().name());
      s.setString(6, i.state().name());
      s.setString(7, i.summary());
      s.setString(8, i.runbookUrl());
      Columns.setInstant(s, 9, i.openedAt());
      Columns.setInstant(s, 10, i.changedAt());
      Columns.setInstant(s, 11, i.acknowledgedAt());
      Columns.setInstant(s, 12, i.resolvedAt());
      s.setInt(13, i.flaps());
      s.setInt(14, i.tier());
      s.executeUpdate();
      return Columns.generatedId(s);
    }
  }

  /**
   * Writes {@code after} over {@code before}, provided the row is still as it was read; otherwise
   * another collector changed it first and the whole change is read again.
   */
  static void update(Connection c, Incident before, Incident after) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE incident SET severity = ?, state = ?, summary = ?, runbook_url = ?,"
                + " changed_at = ?, acknowledged_at = ?, resolved_at = ?, flaps = ?, tier = ?"
                + " WHERE id = ? AND state = ? AND changed_at = ? AND flaps = ? AND tier = ?")) {
      s.setString(1, after.severity().name());
      s.setString(2, after.state().name());
      s.setString(3, after.summary());
      s.setString(4, after.runbookUrl());
      Columns.setInstant(s, 5, after.changedAt());
      Columns.setInstant(s, 6, after.acknowledgedAt());
      Columns.setInstant(s, 7, after.resolvedAt());
      s.setInt(8, after.flaps());
      s.setInt(9, after.tier());
      s.setLong(10, before.id());
      s.setString(11, before.state().name());
      Columns.setInstant(s, 12, before.changedAt());
      s.setInt(13, before.flaps());
      s.setInt(14, before.tier());
      if (s.executeUpdate() != 1) {
        throw new ConcurrentChangeException(before.id());
      }
    }
  }

  static long insertEvent(Connection c, long incidentId, IncidentEvent e) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO incident_event (incident_id, happened_at, actor, action, comment)"
                + " VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, incidentId);
      Columns.setInstant(s, 2, e.at());
      s.setString(3, e.actor());
      s.setString(4, e.action().name());
      s.setString(5, e.comment());
      s.executeUpdate();
      return Columns.generatedId(s);
    }
  }

  static List<IncidentEvent> events(Connection c, long incidentId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT happened_at, actor, action, comment FROM incident_event"
                + " WHERE incident_id = ? ORDER BY id")) {
      s.setLong(1, incidentId);
      List<IncidentEvent> events = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          events.add(event(rs));
        }
      }
      return events;
    }
  }

  private static IncidentEvent event(ResultSet rs) throws SQLException {
    return new IncidentEvent(
        Columns.instant(rs, "happened_at"),
        rs.getString("actor"),
        EventAction.valueOf(rs.getString("action")),
        rs.getString("comment"));
  }

  private static Optional<Incident> first(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }
  }

  private static List<Incident> all(PreparedStatement s) throws SQLException {
    List<Incident> incidents = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        incidents.add(read(rs));
      }
    }
    return incidents;
  }

  private static Incident read(ResultSet rs) throws SQLException {
    return new Incident(
        rs.getLong("id"),
        IncidentKey.fromLabelsText(
            rs.getString("host"), rs.getString("rule"), rs.getString("labels")),
        Severity.valueOf(rs.getString("severity")),
        IncidentState.valueOf(rs.getString("state")),
        rs.getString("summary"),
        rs.getString("runbook_url"),
        Columns.instant(rs, "opened_at"),
        Columns.instant(rs, "changed_at"),
        Columns.instant(rs, "acknowledged_at"),
        Columns.instant(rs, "resolved_at"),
        rs.getInt("flaps"),
        rs.getInt("tier"));
  }
}
