package dev.vigil.collector.incident.store;

import dev.vigil.collector.incident.OutboxEntry;
import dev.vigil.collector.incident.OutboxKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL of the {@code outbox} table. */
final class OutboxRows {
  private static final String SELECT =
      "SELECT o.id, o.incident_id, o.event_id, o.receiver, o.kind, o.tier, o.payload, o.attempts,"
          + " o.next_attempt_at, o.delivered_at, o.last_error FROM outbox o ";
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
   * Leases up to {@code max} due entries of {@code receiver}, oldest first, to {@code owner} until
   * {@code leaseUntil}. An entry waits while an earlier one of the same incident for the same
   * receiver is pending, so a resolved notice never overtakes a firing one that is being retried.
   * Each lease is a conditional update, so two collectors sharing a database never both take one.
   */
  static List<OutboxEntry> claim(
      Connection c, String owner, String receiver, int max, Instant now, Instant leaseUntil)
      throws SQLException {
    List<Long> candidates = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id FROM outbox o WHERE receiver = ? AND"
                + CLAIMABLE
                + " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.incident_id = o.incident_id"
                + " AND e.receiver = o.receiver AND e.id < o.id AND e.delivered_at IS NULL"
                + " AND e.parked_at IS NULL) ORDER BY id LIMIT ?")) {
      s.setString(1, receiver);
      Columns.setInstant(s, 2, now);
      Columns.setInstant(s, 3, now);
      s.setInt(4, max);
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

  /** Ends {@code owner}'s lease of the entry, untried: it is due again at once, for anyone. */
  static void release(Connection c, String owner, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ? AND delivered_at IS NULL")) {
      s.setLong(1, id);
      s.setString(2, owner);
      s.executeUpdate();
    }
  }

  /**
   * Parks every pending entry whose receiver is not among {@code receivers}, with {@code error};
   * returns the receivers of the entries parked, one per entry.
   */
  static List<String> parkUnless(
      Connection c, Collection<String> receivers, Instant at, String error) throws SQLException {
    Map<Long, String> unknown = new LinkedHashMap<>();
    try (PreparedStatement pending =
            c.prepareStatement(
                "SELECT id, receiver FROM outbox WHERE delivered_at IS NULL AND parked_at IS NULL"
                    + " ORDER BY id");
        ResultSet rs = pending.executeQuery()) {
      while (rs.next()) {
        if (!receivers.contains(rs.getString("receiver"))) {
          unknown.put(rs.getLong("id"), rs.getString("receiver"));
        }
      }
    }
    List<String> parked = new ArrayList<>();
    for (Map.Entry<Long, String> entry : unknown.entrySet()) {
      if (park(c, entry.getKey(), at, error.formatted(entry.getValue()))) {
        parked.add(entry.getValue());
      }
    }
    return parked;
  }

  /**
   * For each unresolved incident that {@code receiver} was sent a firing or escalation notice in
   * its current opening, the latest such notice, when it has been delivered (until then the
   * dispatcher's post is the one due); oldest incident first. One query, whatever the number of
   * incidents.
   */
  static List<OutboxEntry> latestFiringDelivered(Connection c, String receiver)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            SELECT.replace("FROM outbox o", "FROM outbox o JOIN incident i ON i.id = o.incident_id")
                + "WHERE i.state <> 'RESOLVED' AND o.delivered_at IS NOT NULL"
                + " AND o.id = (SELECT MAX(x.id) FROM outbox x WHERE x.incident_id = i.id"
                + " AND x.opening = i.flaps AND x.receiver = ? AND x.kind <> 'RESOLVED')"
                + " ORDER BY i.id")) {
      s.setString(1, receiver);
      return all(s);
    }
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
