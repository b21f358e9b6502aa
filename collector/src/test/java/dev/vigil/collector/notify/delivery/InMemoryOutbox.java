package dev.vigil.collector.notify.delivery;

import dev.vigil.collector.notify.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An outbox in memory, for tests only: it forgets everything with the JVM. The collector's outbox
 * is the incident store's durable one.
 */
final class InMemoryOutbox implements Outbox {
  /** An entry's state as the test reads it back. */
  record Row(
      OutboxEntry entry, Instant nextAttemptAt, boolean claimed, String state, String reason) {}

  private final Map<Long, Row> rows = new LinkedHashMap<>();
  private long nextId = 1;

  long add(String receiver, Notification notification, Instant dueAt) {
    long id = nextId++;
    rows.put(
        id, new Row(new OutboxEntry(id, receiver, notification, 0), dueAt, false, "pending", ""));
    return id;
  }

  Row row(long id) {
    return rows.get(id);
  }

  @Override
  public List<OutboxEntry> claimDue(String receiver, Instant now, int limit) {
    List<OutboxEntry> due = new ArrayList<>();
    for (Row row : rows.values()) {
      if (due.size() < limit
          && row.entry().receiver().equals(receiver)
          && row.state().equals("pending")
          && !row.claimed()
          && !row.nextAttemptAt().isAfter(now)) {
        due.add(row.entry());
      }
    }
    for (OutboxEntry entry : due) {
      Row row = rows.get(entry.id());
      rows.put(entry.id(), new Row(entry, row.nextAttemptAt(), true, row.state(), row.reason()));
    }
    return due;
  }

  @Override
  public void release(List<Long> ids) {
    for (long id : ids) {
      Row row = rows.get(id);
      rows.put(id, new Row(row.entry(), row.nextAttemptAt(), false, row.state(), row.reason()));
    }
  }

  @Override
  public List<String> parkUnknownReceivers(Set<String> receivers) {
    List<String> parked = new ArrayList<>();
    for (Row row : List.copyOf(rows.values())) {
      String receiver = row.entry().receiver();
      if (row.state().equals("pending") && !receivers.contains(receiver)) {
        park(
            row.entry().id(),
            row.entry().attempts() + 1,
            "no receiver named \"" + receiver + "\" is configured");
        parked.add(receiver);
      }
    }
    return parked;
  }

  @Override
  public void delivered(long id, Instant at) {
    Row row = rows.get(id);
    rows.put(id, new Row(row.entry(), at, false, "delivered", ""));
  }

  @Override
  public void retryLater(long id, int attempts, Instant nextAttemptAt, String reason) {
    OutboxEntry old = rows.get(id).entry();
    OutboxEntry entry = new OutboxEntry(id, old.receiver(), old.notification(), attempts);
    rows.put(id, new Row(entry, nextAttemptAt, false, "pending", reason));
  }

  @Override
  public void park(long id, int attempts, String reason) {
    OutboxEntry old = rows.get(id).entry();
    OutboxEntry entry = new OutboxEntry(id, old.receiver(), old.notification(), attempts);
    rows.put(id, new Row(entry, Instant.MAX, false, "parked", reason));
  }

  @Override
  public long pending() {
    return rows.values().stream().filter(row -> row.state().equals("pending")).count();
  }
}
