package dev.vigil.collector.incident.store;

import dev.vigil.collector.incident.EventAction;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.IncidentLifecycle;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.NotificationRouter;
import dev.vigil.collector.incident.OpenIncident;
import dev.vigil.collector.incident.OutboxEntry;
import dev.vigil.collector.incident.OutboxKind;
import dev.vigil.collector.incident.PagingGate;
import dev.vigil.collector.incident.PagingHistory;
import dev.vigil.collector.incident.Transition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Incidents, their audit trail and their notification outbox, in an SQLite file or a PostgreSQL
 * database. Every change runs on one writer thread and writes, in one transaction, the incident,
 * its audit event and the outbox entries it causes: a crash leaves all of them or none. Changes
 * return futures (callers on an event loop must not wait on a disk); reads run on the caller's
 * thread, concurrently with each other and with the writer.
 *
 * <p>Changes the incident's state does not allow fail their future with {@link
 * dev.vigil.collector.incident.IllegalTransitionException}; an unknown incident id with {@link
 * NoSuchElementException}; a database failure with {@link IncidentStoreException}.
 */
public final class IncidentStore implements AutoCloseable {
  private final IncidentLifecycle lifecycle;
  private final NotificationRouter router;
  private final PagingGate gate;
  private final Clock clock;
  private final IncidentWriter writer;
  private final ReadConnections readers;

  private IncidentStore(
      IncidentLifecycle lifecycle,
      NotificationRouter router,
      PagingGate gate,
      Clock clock,
      IncidentWriter writer,
      ReadConnections readers) {
    this.lifecycle = lifecycle;
    this.router = router;
    this.gate = gate;
    this.clock = clock;
    this.writer = writer;
    this.readers = readers;
  }

  /**
   * Opens the store, every incident paging at once; see {@link #open(String, Duration,
   * NotificationRouter, PagingGate, Clock)}.
   */
  public static IncidentStore open(
      String location, Duration flapWindow, NotificationRouter router, Clock clock) {
    return open(location, flapWindow, router, PagingGate.ALWAYS, clock);
  }

  /**
   * Opens the store and brings its schema up to date.
   *
   * @param location an SQLite file path (its directory is created), or a {@code jdbc:postgresql://}
   *     URL
   * @param flapWindow how soon after resolving a new firing reopens the same incident
   * @param router who is told when an incident opens or escalates
   * @param gate whether an incident that opens may page then
   * @param clock the time of every change
   * @throws IncidentStoreException when the database cannot be opened or migrated
   */
  public static IncidentStore open(
      String location,
      Duration flapWindow,
      NotificationRouter router,
      PagingGate gate,
      Clock clock) {
    Dialect dialect = Dialect.of(location);
    Connection connection = null;
    try {
      connection = dialect.connect(location, true);
      new SchemaMigrator(dialect).migrate(connection);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw new IncidentStoreException("cannot open the incident store " + redacted(location), e);
    }
    return new IncidentStore(
        new IncidentLifecycle(flapWindow),
        router,
        gate,
        clock,
        new IncidentWriter(dialect, location, connection),
        new ReadConnections(dialect, location));
  }

  /** A URL without its password, for messages. */
  static String redacted(String location) {
    return location.replaceAll("(?i)password=[^&]*", "password=***");
  }

  private static void closeQuietly(Connection connection) {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // The open's own failure is the one reported.
    }
  }

  // ---- changes ---------------------------------------------------------------------------------

  /**
   * An alert started firing: opens an incident, reopens the key's incident resolved within the flap
   * window, or leaves the key's unresolved incident as it is (a raise is idempotent).
   *
   * @return the key's incident after the raise
   */
  public CompletableFuture<Incident> raise(FiringAlert alert) {
    return writer.submit(
        "raise " + alert.key().canonical(),
        c -> {
          Optional<Incident> latest = IncidentRows.latest(c, alert.key());
          Optional<Transition> change = lifecycle.raise(latest.orElse(null), alert, now());
          return change.isPresent() ? apply(c, change.get()) : latest.get();
        });
  }

  /**
   * The alert's condition cleared: resolves the key's unresolved incident.
   *
   * @return the resolved incident, or empty when the key had none unresolved
   */
  public CompletableFuture<Optional<Incident>> clear(IncidentKey key) {
    return writer.submit(
        "clear " + key.canonical(),
        c -> {
          Optional<Incident> latest = IncidentRows.latest(c, key).filter(Incident::unresolved);
          if (latest.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(apply(c, lifecycle.clear(latest.get(), now())));
        });
  }

  /** A person acknowledges the incident: escalation stops. */
  public CompletableFuture<Incident> acknowledge(long id, String actor, String comment) {
    return change("acknowledge", id, i -> lifecycle.acknowledge(i, actor, comment, now()));
  }

  /** A person resolves the incident; everyone told gets a resolved notice. */
  public CompletableFuture<Incident> resolve(long id, String actor, String comment) {
    return change("resolve", id, i -> lifecycle.resolve(i, actor, comment, now()));
  }

  /** A person adds a note to the incident's timeline. */
  public CompletableFuture<Incident> comment(long id, String actor, String comment) {
    return change("comment on", id, i -> lifecycle.comment(i, actor, comment, now()));
  }

  /** The escalation timer moves an unacknowledged incident up to {@code tier}. */
  public CompletableFuture<Incident> escalate(long id, int tier) {
    return change("escalate", id, i -> lifecycle.escalate(i, tier, now()));
  }

  /**
   * Pages an open incident whose paging was held, if the gate now allows it: tier 1 is told and
   * escalation counts from now. When it is still held for another reason than its timeline last
   * gave, that reason is added to the timeline. Anything else (not held, acknowledged, resolved)
   * changes nothing.
   *
   * @return whether it paged
   */
  public CompletableFuture<Boolean> pageIfAllowed(long id) {
    return writer.submit(
        "page incident " + id,
        c -> {
          Optional<Incident> incident = IncidentRows.byId(c, id);
          if (incident.isEmpty() || incident.get().state() != IncidentState.OPEN) {
            return false;
          }
          PagingHistory paging = PagingHistory.of(IncidentRows.events(c, id));
          if (!paging.held()) {
            return false;
          }
          Instant at = now();
          Optional<String> hold = gate.holdReason(incident.get(), at);
          if (hold.isPresent()) {
            if (!hold.get().equals(paging.holdReason())) {
              IncidentRows.insertEvent(c, id, notPaged(at, hold.get()));
            }
            return false;
          }
          IncidentEvent paged =
              new IncidentEvent(
                  at, IncidentLifecycle.SYSTEM, EventAction.PAGED, "paging allowed again");
          long eventId = IncidentRows.insertEvent(c, id, paged);
          insertFiring(c, incident.get(), paged, eventId);
          return true;
        });
  }

  private static IncidentEvent notPaged(Instant at, String reason) {
    return new IncidentEvent(at, IncidentLifecycle.SYSTEM, EventAction.NOT_PAGED, reason);
  }

  private CompletableFuture<Incident> change(
      String verb, long id, Function<Incident, Transition> decide) {
    return writer.submit(
        verb + " incident " + id,
        c -> {
          Incident incident =
              IncidentRows.byId(c, id)
                  .orElseThrow(() -> new NoSuchElementException("no incident " + id));
          return apply(c, decide.apply(incident));
        });
  }

  /**
   * Writes the incident, its audit event and its outbox entries, in the caller's transaction. An
   * opening the gate holds writes a {@code NOT_PAGED} event instead of its firing entries.
   */
  private Incident apply(Connection c, Transition t) throws SQLException {
    Incident after = t.after();
    if (t.before() == null) {
      after = after.withId(IncidentRows.insert(c, after));
    } else if (!t.before().equals(after)) {
      IncidentRows.update(c, t.before(), after);
    }
    long eventId = IncidentRows.insertEvent(c, after.id(), t.event());
    EventAction action = t.event().action();
    if (action == EventAction.OPENED || action == EventAction.REOPENED) {
      Optional<String> hold = gate.holdReason(after, t.event().at());
      if (hold.isPresent()) {
        IncidentRows.insertEvent(c, after.id(), notPaged(t.event().at(), hold.get()));
      } else {
        insertFiring(c, after, t.event(), eventId);
      }
      return after;
    }
    for (OutboxRows.Intent intent : intents(c, t, after, eventId)) {
      OutboxRows.insert(c, intent, t.event().at());
    }
    return after;
  }

  /** Tells tier 1 that {@code incident} fires, because of the event {@code eventId}. */
  private void insertFiring(Connection c, Incident incident, IncidentEvent event, long eventId)
      throws SQLException {
    List<String> receivers = router.receivers(incident, 1);
    for (OutboxRows.Intent intent :
        intents(incident, event, eventId, OutboxKind.FIRING, 1, receivers)) {
      OutboxRows.insert(c, intent, event.at());
    }
  }

  private List<OutboxRows.Intent> intents(Connection c, Transition t, Incident after, long eventId)
      throws SQLException {
    return switch (t.event().action()) {
      case ESCALATED ->
          intents(
              after,
              t.event(),
              eventId,
              OutboxKind.ESCALATION,
              after.tier(),
              router.receivers(after, after.tier()));
      case RESOLVED ->
          intents(
              after,
              t.event(),
              eventId,
              OutboxKind.RESOLVED,
              after.tier(),
              OutboxRows.receiversTold(c, after.id(), after.flaps()));
      case OPENED, REOPENED, ACKNOWLEDGED, COMMENTED, NOT_PAGED, PAGED -> List.of();
    };
  }

  private static List<OutboxRows.Intent> intents(
      Incident after,
      IncidentEvent event,
      long eventId,
      OutboxKind kind,
      int tier,
      List<String> receivers) {
    String payload = OutboxPayload.render(after, event, kind, tier);
    return receivers.stream()
        .distinct()
        .map(r -> new OutboxRows.Intent(after.id(), eventId, after.flaps(), r, kind, tier, payload))
        .toList();
  }

  private Instant now() {
    // Millisecond precision, as stored: what a change returns equals what a read gives back.
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Forgets a decommissioned host: resolves its unresolved incidents as {@code actor} with {@code
   * comment} (everyone told gets a resolved notice) and removes it from the fleet table, in one
   * transaction.
   *
   * @return the incidents it resolved
   */
  public CompletableFuture<List<Incident>> forgetHost(String host, String actor, String comment) {
    return writer.submit(
        "forget host " + host,
        c -> {
          List<Incident> resolved = new ArrayList<>();
          for (Incident incident : IncidentRows.unresolved(c)) {
            if (incident.key().host().equals(host)) {
              resolved.add(apply(c, lifecycle.resolve(incident, actor, comment, now())));
            }
          }
          FleetRows.delete(c, host);
          return resolved;
        });
  }

  /**
   * Deletes up to {@code max} incidents resolved before {@code before}, oldest first, with their
   * audit trail and notices, in one transaction; one whose notice still waits for a receiver is
   * kept. Returns how many it deleted.
   */
  public CompletableFuture<Integer> prune(Instant before, int max) {
    return writer.submit(
        "delete incidents resolved before " + before,
        c -> {
          List<Long> ids = IncidentRows.prunable(c, before, max);
          for (long id : ids) {
            IncidentRows.delete(c, id);
          }
          return ids.size();
        });
  }

  /**
   * The fleet table, in the same database and written by the same thread, acting for {@code
   * collector} (this collector's {@code host:port}, which names it among collectors sharing the
   * database).
   */
  public FleetTable fleet(String collector) {
    return new FleetTable(writer, readers, collector);
  }

  // ---- the outbox, for the dispatcher ----------------------------------------------------------

  /**
   * Leases up to {@code max} due, undelivered entries of {@code receiver}, oldest first, to {@code
   * owner} for {@code lease}. An entry neither delivered nor rescheduled within its lease (its
   * dispatcher crashed) becomes due again.
   */
  public CompletableFuture<List<OutboxEntry>> claimDue(
      String owner, String receiver, int max, Duration lease) {
    return writer.submit(
        "claim outbox entries for " + receiver,
        c -> {
          Instant now = now();
          return OutboxRows.claim(c, owner, receiver, max, now, now.plus(lease));
        });
  }

  /**
   * Hands entries {@code owner} claimed back untried: they are due again at once, for any
   * dispatcher, and no attempt is counted.
   */
  public CompletableFuture<Void> release(String owner, List<Long> entryIds) {
    return writer.submit(
        "release " + entryIds.size() + " outbox entries",
        c -> {
          for (long id : entryIds) {
            OutboxRows.release(c, owner, id);
          }
          return null;
        });
  }

  /**
   * Parks every pending entry for a receiver not among {@code receivers} (one a previous
   * configuration had), since nothing here can deliver it; returns their receivers, one per entry.
   */
  public CompletableFuture<List<String>> parkUnknownReceivers(Set<String> receivers) {
    return writer.submit(
        "park outbox entries of unknown receivers",
        c -> OutboxRows.parkUnless(c, receivers, now(), "no receiver named \"%s\" is configured"));
  }

  /** The receiver took the entry; returns false when it had already been marked delivered. */
  public CompletableFuture<Boolean> markDelivered(long entryId) {
    return writer.submit(
        "mark outbox entry " + entryId + " delivered",
        c -> OutboxRows.markDelivered(c, entryId, now()));
  }

  /**
   * The delivery failed: counts the attempt, records why and makes the entry due again at {@code
   * nextAttemptAt}. Returns false when the entry had been delivered meanwhile.
   */
  public CompletableFuture<Boolean> reschedule(long entryId, Instant nextAttemptAt, String error) {
    return writer.submit(
        "reschedule outbox entry " + entryId,
        c -> OutboxRows.reschedule(c, entryId, nextAttemptAt, error));
  }

  /**
   * The receiver refused the entry for good: counts the attempt, records why, and never offers it
   * again. Returns false when it had been delivered or parked meanwhile.
   */
  public CompletableFuture<Boolean> park(long entryId, String error) {
    return writer.submit(
        "park outbox entry " + entryId, c -> OutboxRows.park(c, entryId, now(), error));
  }

  // ---- reads -----------------------------------------------------------------------------------

  /** One incident by id. */
  public Optional<Incident> incident(long id) {
    return readers.read("read incident " + id, c -> IncidentRows.byId(c, id));
  }

  /** Every open or acknowledged incident, oldest first. */
  public List<Incident> unresolved() {
    return readers.read("list unresolved incidents", IncidentRows::unresolved);
  }

  /**
   * Every open incident (unacknowledged) with where its paging stands, oldest first, in one query.
   */
  public List<OpenIncident> openWithPaging() {
    return readers.read("list open incidents", IncidentRows::openWithPaging);
  }

  /** The incidents {@code filter} selects, newest first. */
  public List<Incident> list(IncidentFilter filter) {
    return readers.read("list incidents", c -> IncidentRows.matching(c, filter));
  }

  /** The incident's audit trail, oldest first. */
  public List<IncidentEvent> timeline(long id) {
    return readers.read("read the timeline of incident " + id, c -> IncidentRows.events(c, id));
  }

  /** Every outbox entry of the incident, delivered or not, in the order they were written. */
  public List<OutboxEntry> outbox(long incidentId) {
    return readers.read(
        "read the outbox of incident " + incidentId, c -> OutboxRows.forIncident(c, incidentId));
  }

  /**
   * For each unresolved incident {@code receiver} was sent a firing or escalation notice in its
   * current opening, the latest such notice once delivered; oldest incident first, in one query.
   */
  public List<OutboxEntry> latestFiringDelivered(String receiver) {
    return readers.read(
        "read the firing notices delivered to " + receiver,
        c -> OutboxRows.latestFiringDelivered(c, receiver));
  }

  /** How many outbox entries are neither delivered nor parked. */
  public long pendingNotifications() {
    return readers.read("count pending outbox entries", OutboxRows::pending);
  }

  /** Finishes the changes already submitted and closes the database. */
  @Override
  public void close() {
    writer.close();
    readers.close();
  }
}
