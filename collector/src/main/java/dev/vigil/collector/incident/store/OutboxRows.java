package dev.vigil.collector.incident.store;

import dev.vigil.collector.incident.OutboxEntry;
import dev.vigil.collector.incident.OutboxKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the {@code outbox} table. */
final class OutboxRows {
  private static final String SELECT =
      "SELECT id, incident_id, event_id, receiver, kind, tier, payload, attempts, next_attempt_at,"
          + " delivered_at, last_error FROM outbox ";
  private static final String CLAIMABLE =
      " delivered_at IS NULL AND parked_at IS NULL AND next_attempt_at <= ?"
          + " AND (lease_until IS NULL OR lease_until <= ?)";

  private OutboxRows() {}

  /** One notification intent of the change {@code eventId}, due at once. */
  record Intent(
      long incidentId,
      long eventId,
      int opening,
      String receiver,
      OutboxKind kind,
      int tier,
      String payload) {}

  static void insert(Connection c, Intent intent, Instant now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO outbox (incident_id, event_id, opening, receiver, kind, tier, payload,"
                + " attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
      s.setLong(1, intent.incidentId());
      s.setLong(2, intent.eventId());
      s.setInt(3, intent.opening());
      s.setString(4, intent.receiver());
      s.setString(5, intent.kind().name());
      s.setInt(6, intent.tier());
      s.setString(7, intent.payload());
      Columns.setInstant(s, 8, now);
      s.executeUpdate();
    }
  }

  /** Receivers sent a firing or escalation notice in the incident's opening {@code opening}. */
  static List<String> receiversTold(Connection c, long incidentId, int opening)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT DISTINCT receiver FROM outbox WHERE incident_id = ? AND opening = ?"
                + " AND kind <> 'RESOLVED' ORDER BY receiver")) {
      s.setLong(1, incidentId);
      s.setInt(2, opening);
      List<String> receivers = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          receivers.add(rs.getString(1));
        }
      }
      return receivers;
    }
  }

  /**
   * Leases up to {@code max} due entries, oldest first, to {@code owner} until {@code leaseUntil}.
   * Each lease is a conditional update, so two collectors sharing a database never both take one.
   */
  static List<OutboxEntry> claim(
      Connection c, String owner, int max, Instant now, Instant leaseUntil) throws SQLException {
    List<Long> candidates = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM outbox WHERE" + CLAIMABLE + " ORDER BY id LIMIT ?")) {
      Columns.setInstant(s, 1, now);
      Columns.setInstant(s, 2, now);
      s.setInt(3, max);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          candidates.add(rs.getLong(1));
        }
      }
    }
    List<OutboxEntry> claimed = new ArrayList<>();
    try (PreparedStatement lease =
            c.prepareStatement(
                "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ? AND" + CLAIMABLE);
        PreparedStatement read = c.prepareStatement(SELECT + "WHERE id = ?")) {
      for (long id : candidates) {
        lease.setString(1, owner);
        Columns.setInstant(lease, 2, leaseUntil);
        lease.setLong(3, id);
        Columns.setInstant(lease, 4, now);
        Columns.setInstant(lease, 5, now);
        if (lease.executeUpdate() == 1) {
          read.setLong(1, id);
          claimed.addAll(all(read));
        }
      }
    }
    return claimed;
  }

  /** Returns whether the entry was still undelivered. */
  static boolean markDelivered(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET delivered_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND delivered_at IS NULL")) {
      Columns.setInstant(s, 1, at);
      s.setLong(2, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Returns whether the entry was still undelivered. */
  static boolean reschedule(Connection c, long id, Instant next, String error) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND delivered_at IS NULL")) {
      Columns.setInstant(s, 1, next);
      s.setString(2, error);
      s.setLong(3, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Returns whether the entry was still undelivered and not parked. */
  static boolean park(Connection c, long id, Instant at, String error) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, parked_at = ?, last_error = ?,"
                + " lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND delivered_at IS NULL AND parked_at IS NULL")) {
      Columns.setInstant(s, 1, at);
      s.setString(2, error);
      s.setLong(3, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Entries neither delivered nor parked. */
  static long pending(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND parked_at IS NULL");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<OutboxEntry> forIncident(Connection c, long incidentId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + "WHERE incident_id = ? ORDER BY id")) {
      s.setLong(1, incidentId);
      return all(s);
    }
  }

  private static List<OutboxEntry> all(PreparedStatement s) throws SQLException {
    List<OutboxEntry> entries = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        entries.add(
            new OutboxEntry(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getLong("event_id"),
                rs.getString("receiver"),
                OutboxKind.valueOf(rs.getString("kind")),
                rs.getInt("tier"),
                rs.getString("payload"),
                rs.getInt("attempts"),
                Columns.instant(rs, "next_attempt_at"),
                Columns.instant(rs, "delivered_at"),
                rs.getString("last_error")));
      }
    }
    return entries;
  }
}
