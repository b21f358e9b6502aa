package dev.vigil.collector.incident.store;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.incident.EventAction;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IllegalTransitionException;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.NotificationRouter;
import dev.vigil.collector.incident.OpenIncident;
import dev.vigil.collector.incident.OutboxEntry;
import dev.vigil.collector.incident.OutboxKind;
import dev.vigil.collector.incident.PagingGate;
import dev.vigil.collector.incident.PagingHistory;
import dev.vigil.collector.incident.Severity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident store's behaviour, run against each real database by a subclass that says where the
 * database is.
 */
abstract class IncidentStoreContract {
  static final Duration FLAP_WINDOW = Duration.ofMinutes(10);
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  /** Tier n pages "tier-n"; host "quiet" (in a maintenance window) pages nobody. */
  static final NotificationRouter ROUTER =
      (incident, tier) ->
          incident.key().host().equals("quiet") ? List.of() : List.of("tier-" + tier);

  /** Why host "held" must not page now; null when it may. */
  volatile String hold;

  /** Holds the paging of host "held" while {@link #hold} says why. */
  final PagingGate gate =
      (incident, at) ->
          incident.key().host().equals("held") ? Optional.ofNullable(hold) : Optional.empty();

  final MutableClock clock = new MutableClock(T0);
  String location;
  IncidentStore store;

  /** A location holding no incident database yet. */
  abstract String newLocation() throws Exception;

  /** Removes what {@link #newLocation()} made. */
  abstract void deleteLocation(String location) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    location = newLocation();
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
    deleteLocation(location);
  }

  IncidentStore open() {
    return IncidentStore.open(location, FLAP_WINDOW, ROUTER, gate, clock);
  }

  static FiringAlert alert(String host) {
    return new FiringAlert(
        IncidentKey.of(host, "DiskFull", Map.of("mountpoint", "/", "severity", "critical")),
        Severity.CRITICAL,
        "/ is 97% full",
        "https://kb.example/disk-full");
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("the incident writer did not answer within 60s", e);
    }
  }

  @Test
  void shouldListIncidentsByStateHostAndSeverityNewestFirst() throws Exception {
    Incident web1 = await(store.raise(alert("web1")));
    Incident web2 = await(store.raise(alert("web2")));
    Incident info =
        await(
            store.raise(
                new FiringAlert(
                    IncidentKey.of("web1", "RebootRequired", Map.of()), Severity.INFO, "", "")));
    Incident acked = await(store.acknowledge(web2.id(), "ana", ""));

    assertEquals(List.of(info, acked, web1), store.list(new IncidentFilter(null, null, null, 10)));
    assertEquals(
        List.of(info, web1), store.list(new IncidentFilter(IncidentState.OPEN, null, null, 10)));
    assertEquals(List.of(info, web1), store.list(new IncidentFilter(null, "web1", null, 10)));
    assertEquals(
        List.of(web1),
        store.list(new IncidentFilter(IncidentState.OPEN, "web1", Severity.CRITICAL, 10)));
    assertEquals(List.of(info), store.list(new IncidentFilter(null, null, null, 1)));
    assertEquals(List.of(), store.list(new IncidentFilter(null, "web3", null, 10)));
  }

  @Test
  void shouldOpenAnIncidentWithItsEventAndTierOneNotice() throws Exception {
    Incident incident = await(store.raise(alert("web1")));

    assertEquals(Optional.of(incident), store.incident(incident.id()));
    assertEquals(IncidentState.OPEN, incident.state());
    assertEquals(List.of(incident), store.unresolved());
    assertEquals(
        List.of(new IncidentEvent(T0, "vigil", EventAction.OPENED, "")),
        store.timeline(incident.id()));
    List<OutboxEntry> outbox = store.outbox(incident.id());
    assertEquals(1, outbox.size());
    OutboxEntry firing = outbox.get(0);
    assertEquals("tier-1", firing.receiver());
    assertEquals(OutboxKind.FIRING, firing.kind());
    assertEquals(1, firing.tier());
    assertEquals(0, firing.attempts());
    assertEquals(T0, firing.nextAttemptAt());
    assertNull(firing.deliveredAt());
  }

  @Test
  void shouldCarryTheIncidentAsItWasInTheNoticesPayload() throws Exception {
    Incident incident = await(store.raise(alert("web1")));

    JsonObject payload =
        JsonParser.parseString(store.outbox(incident.id()).get(0).payload()).getAsJsonObject();

    assertEquals(incident.id(), payload.get("incident").getAsLong());
    assertEquals("firing", payload.get("kind").getAsString());
    assertEquals("web1", payload.get("host").getAsString());
    assertEquals("DiskFull", payload.get("rule").getAsString());
    assertEquals("/", payload.getAsJsonObject("labels").get("mountpoint").getAsString());
    assertEquals("critical", payload.get("severity").getAsString());
    assertEquals("open", payload.get("state").getAsString());
    assertEquals("/ is 97% full", payload.get("summary").getAsString());
    assertEquals("https://kb.example/disk-full", payload.get("runbookUrl").getAsString());
    assertEquals("2026-01-05T09:00:00Z", payload.get("openedAt").getAsString());
    assertEquals("opened", payload.getAsJsonObject("event").get("action").getAsString());
  }

  @Test
  void shouldKeepOneIncidentWhenTwoWritersRaiseTheSameKeyAtOnce() throws Exception {
    try (IncidentStore other = open()) {
      List<CompletableFuture<Incident>> raises = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        raises.add((i % 2 == 0 ? store : other).raise(alert("web1")));
      }
      long id = await(raises.get(0)).id();
      for (CompletableFuture<Incident> raise : raises) {
        assertEquals(id, await(raise).id());
      }
    }

    assertEquals(1, store.unresolved().size());
    long id = store.unresolved().get(0).id();
    assertEquals(1, store.timeline(id).size());
    assertEquals(1, store.outbox(id).size());
  }

  @Test
  void shouldReopenWithinTheFlapWindowAndOpenAFreshIncidentAfterIt() throws Exception {
    Incident first = await(store.raise(alert("web1")));
    clock.advance(Duration.ofMinutes(1));
    await(store.clear(first.key()));
    clock.advance(FLAP_WINDOW);

    Incident reopened = await(store.raise(alert("web1")));

    assertEquals(first.id(), reopened.id());
    assertEquals(1, reopened.flaps());
    assertEquals(IncidentState.OPEN, reopened.state());
    assertEquals(
        List.of(EventAction.OPENED, EventAction.RESOLVED, EventAction.REOPENED),
        actions(first.id()));

    await(store.clear(first.key()));
    clock.advance(FLAP_WINDOW.plusMillis(1));
    Incident fresh = await(store.raise(alert("web1")));

    assertNotEquals(first.id(), fresh.id());
    assertEquals(0, fresh.flaps());
    assertEquals(IncidentState.RESOLVED, store.incident(first.id()).orElseThrow().state());
  }

  @Test
  void shouldSendResolvedNoticesToEveryoneToldSinceTheIncidentLastOpened() throws Exception {
    long id = await(store.raise(alert("web1"))).id();
    clock.advance(Duration.ofMinutes(15));
    await(store.escalate(id, 2));
    clock.advance(Duration.ofMinutes(1));
    Incident acked = await(store.acknowledge(id, "alice", "looking"));
    clock.advance(Duration.ofMinutes(1));
    Incident cleared = await(store.clear(acked.key())).orElseThrow();

    assertEquals(IncidentState.RESOLVED, cleared.state());
    assertEquals(
        List.of("FIRING tier-1", "ESCALATION tier-2", "RESOLVED tier-1", "RESOLVED tier-2"),
        notices(id));

    clock.advance(Duration.ofMinutes(1));
    await(store.raise(alert("web1")));
    await(store.resolve(id, "bob", "fixed the log rotation"));

    assertEquals(
        List.of(
            "FIRING tier-1",
            "ESCALATION tier-2",
            "RESOLVED tier-1",
            "RESOLVED tier-2",
            "FIRING tier-1",
            "RESOLVED tier-1"),
        notices(id));
    IncidentEvent last = store.timeline(id).get(5);
    assertEquals(
        new IncidentEvent(clock.instant(), "bob", EventAction.RESOLVED, "fixed the log rotation"),
        last);
  }

  @Test
  void shouldRecordAnIncidentThatPagesNobody() throws Exception {
    Incident incident = await(store.raise(alert("quiet")));

    assertEquals(IncidentState.OPEN, incident.state());
    assertEquals(List.of(), store.outbox(incident.id()));
    await(store.clear(incident.key()));
    assertEquals(List.of(), store.outbox(incident.id()));
    assertEquals(List.of(EventAction.OPENED, EventAction.RESOLVED), actions(incident.id()));
  }

  @Test
  void shouldHoldPagingWithItsReasonThenPageTierOneWhenAllowed() throws Exception {
    hold = "maintenance window 'patch' (role=server: patching) until 2026-01-05T10:00:00Z";
    Incident incident = await(store.raise(alert("held")));

    assertEquals(List.of(), store.outbox(incident.id()));
    assertEquals(
        List.of(
            new IncidentEvent(T0, "vigil", EventAction.OPENED, ""),
            new IncidentEvent(T0, "vigil", EventAction.NOT_PAGED, hold)),
        store.timeline(incident.id()));
    assertEquals(false, await(store.pageIfAllowed(incident.id())), "still held, same reason");
    assertEquals(2, store.timeline(incident.id()).size());

    clock.advance(Duration.ofMinutes(5));
    hold = "outside time window 'business-hours' until 2026-01-05T10:00:00+01:00";
    assertEquals(false, await(store.pageIfAllowed(incident.id())));
    assertEquals(
        List.of(EventAction.OPENED, EventAction.NOT_PAGED, EventAction.NOT_PAGED),
        actions(incident.id()));

    clock.advance(Duration.ofMinutes(5));
    hold = null;
    assertEquals(true, await(store.pageIfAllowed(incident.id())));
    assertEquals(false, await(store.pageIfAllowed(incident.id())), "paged already");
    assertEquals(List.of("FIRING tier-1"), notices(incident.id()));
    JsonObject payload =
        JsonParser.parseString(store.outbox(incident.id()).get(0).payload()).getAsJsonObject();
    assertEquals("paged", payload.getAsJsonObject("event").get("action").getAsString());
    PagingHistory paging = PagingHistory.of(store.timeline(incident.id()));
    assertEquals(false, paging.held());
    assertEquals(T0.plus(Duration.ofMinutes(10)), paging.since(), "escalation counts from here");

    await(store.clear(incident.key()));
    assertEquals(List.of("FIRING tier-1", "RESOLVED tier-1"), notices(incident.id()));
  }

  @Test
  void shouldListEachOpenIncidentWithWhereItsPagingStandsAsItsTimelineSays() throws Exception {
    Incident escalated = await(store.raise(alert("web1")));
    Incident acknowledged = await(store.raise(alert("web2")));
    Incident reopened = await(store.raise(alert("web3")));
    hold = "maintenance window 'patch' (role=server: patching) until 2026-01-05T10:00:00Z";
    Incident held = await(store.raise(alert("held")));
    Incident paged =
        await(
            store.raise(
                new FiringAlert(
                    IncidentKey.of("held", "HostDown", Map.of()), Severity.CRITICAL, "", "")));
    clock.advance(Duration.ofMinutes(5));
    hold = null;
    await(store.pageIfAllowed(paged.id()));
    hold = "maintenance window 'patch' (role=server: patching) until 2026-01-05T10:00:00Z";
    await(store.escalate(escalated.id(), 2));
    await(store.comment(escalated.id(), "ana", "not a paging event"));
    await(store.acknowledge(acknowledged.id(), "ana", ""));
    await(store.clear(reopened.key()));
    clock.advance(Duration.ofMinutes(1));
    await(store.raise(alert("web3")));

    List<OpenIncident> open = store.openWithPaging();

    assertEquals(
        List.of(escalated.id(), reopened.id(), held.id(), paged.id()),
        open.stream().map(o -> o.incident().id()).toList(),
        "open ones only, oldest first");
    assertEquals(new PagingHistory(false, "", T0), open.get(0).paging());
    assertEquals(2, open.get(0).incident().tier());
    assertEquals(
        new PagingHistory(false, "", T0.plus(Duration.ofMinutes(6))), open.get(1).paging());
    assertEquals(new PagingHistory(true, hold, T0), open.get(2).paging());
    assertEquals(
        new PagingHistory(false, "", T0.plus(Duration.ofMinutes(5))), open.get(3).paging());
    for (OpenIncident o : open) {
      assertEquals(PagingHistory.of(store.timeline(o.incident().id())), o.paging());
    }
  }

  @Test
  void shouldTellNobodyWhenAHeldIncidentResolvesOrIsAcknowledged() throws Exception {
    hold = "maintenance window 'patch' (role=server: patching) until 2026-01-05T10:00:00Z";
    Incident resolved = await(store.raise(alert("held")));
    await(store.clear(resolved.key()));
    Incident acknowledged =
        await(
            store.raise(
                new FiringAlert(
                    IncidentKey.of("held", "HostDown", Map.of()), Severity.CRITICAL, "", "")));
    await(store.acknowledge(acknowledged.id(), "ana", "looking while it is patched"));

    hold = null;
    assertEquals(false, await(store.pageIfAllowed(resolved.id())));
    assertEquals(false, await(store.pageIfAllowed(acknowledged.id())));

    assertEquals(List.of(), store.outbox(resolved.id()));
    assertEquals(List.of(), store.outbox(acknowledged.id()));
    assertEquals(
        List.of(EventAction.OPENED, EventAction.NOT_PAGED, EventAction.RESOLVED),
        actions(resolved.id()));
  }

  @Test
  void shouldWriteNothingForARefusedChange() throws Exception {
    Incident incident = await(store.raise(alert("web1")));
    await(store.resolve(incident.id(), "bob", ""));

    IllegalTransitionException refused =
        assertThrows(
            IllegalTransitionException.class,
            () -> await(store.acknowledge(incident.id(), "alice", "")));
    NoSuchElementException unknown =
        assertThrows(NoSuchElementException.class, () -> await(store.comment(999, "alice", "x")));

    assertEquals(
        "incident " + incident.id() + " is resolved; it cannot be acknowledged, only commented on",
        refused.getMessage());
    assertEquals("no incident 999", unknown.getMessage());
    assertEquals(List.of(EventAction.OPENED, EventAction.RESOLVED), actions(incident.id()));
    assertEquals(Optional.empty(), await(store.clear(incident.key())));
    await(store.comment(incident.id(), "alice", "user confirms it works"));
    assertEquals(
        List.of(EventAction.OPENED, EventAction.RESOLVED, EventAction.COMMENTED),
        actions(incident.id()));
  }

  @Test
  void shouldLeaseDueEntriesAndHandThemBackWhenTheLeaseRunsOut() throws Exception {
    Incident first = await(store.raise(alert("web1")));
    Incident second = await(store.raise(alert("web2")));

    List<OutboxEntry> claimed =
        await(store.claimDue("dispatcher-a", "tier-1", 10, Duration.ofSeconds(30)));

    assertEquals(2, claimed.size());
    assertEquals(first.id(), claimed.get(0).incidentId());
    assertEquals(second.id(), claimed.get(1).incidentId());
    assertEquals(
        List.of(), await(store.claimDue("dispatcher-b", "tier-1", 10, Duration.ofSeconds(30))));
    Instant deliveredAt = clock.instant();
    assertTrue(await(store.markDelivered(claimed.get(0).id())));
    assertEquals(false, await(store.markDelivered(claimed.get(0).id())));

    clock.advance(Duration.ofSeconds(30));
    List<OutboxEntry> again =
        await(store.claimDue("dispatcher-b", "tier-1", 10, Duration.ofSeconds(30)));

    assertEquals(List.of(claimed.get(1).id()), again.stream().map(OutboxEntry::id).toList());
    assertEquals(deliveredAt, store.outbox(first.id()).get(0).deliveredAt());
  }

  @Test
  void shouldClaimOneReceiversEntriesAndTakeBackTheOnesHandedBackUntried() throws Exception {
    Incident first = await(store.raise(alert("web1")));
    await(store.escalate(first.id(), 2));
    Incident second = await(store.raise(alert("web2")));

    List<OutboxEntry> claimed = await(store.claimDue("a", "tier-1", 10, Duration.ofMinutes(2)));
    assertEquals(
        List.of(first.id(), second.id()),
        claimed.stream().map(OutboxEntry::incidentId).toList(),
        "tier-2's notice is not tier-1's to claim");
    await(store.release("someone-else", List.of(claimed.get(0).id())));
    assertEquals(List.of(), await(store.claimDue("b", "tier-1", 10, Duration.ofMinutes(2))));

    await(store.release("a", List.of(claimed.get(1).id())));

    List<OutboxEntry> again = await(store.claimDue("b", "tier-1", 10, Duration.ofMinutes(2)));
    assertEquals(List.of(claimed.get(1).id()), again.stream().map(OutboxEntry::id).toList());
    assertEquals(0, again.get(0).attempts(), "handed back untried: no attempt counted");
    assertEquals(
        List.of(OutboxKind.ESCALATION),
        await(store.claimDue("b", "tier-2", 10, Duration.ofMinutes(2))).stream()
            .map(OutboxEntry::kind)
            .toList());
  }

  @Test
  void shouldHoldAResolvedNoticeBackUntilTheFiringOneBeingRetriedGetsThrough() throws Exception {
    Incident incident = await(store.raise(alert("web1")));
    Incident other = await(store.raise(alert("web2")));
    OutboxEntry firing = await(store.claimDue("d", "tier-1", 1, Duration.ofMinutes(2))).get(0);
    await(store.reschedule(firing.id(), T0.plusSeconds(30), "HTTP 503"));
    await(store.clear(incident.key()));

    assertEquals(
        List.of(other.id()),
        await(store.claimDue("d", "tier-1", 10, Duration.ofMinutes(2))).stream()
            .map(OutboxEntry::incidentId)
            .toList(),
        "web1's resolved notice waits behind its firing one");
    clock.advance(Duration.ofSeconds(30));
    List<OutboxEntry> retried = await(store.claimDue("d", "tier-1", 10, Duration.ofMinutes(2)));
    assertEquals(List.of(firing.id()), retried.stream().map(OutboxEntry::id).toList());
    await(store.markDelivered(firing.id()));
    assertEquals(
        List.of(OutboxKind.RESOLVED),
        await(store.claimDue("d", "tier-1", 10, Duration.ofMinutes(2))).stream()
            .map(OutboxEntry::kind)
            .toList());
  }

  @Test
  void shouldParkThePendingEntriesOfReceiversNoLongerConfigured() throws Exception {
    Incident incident = await(store.raise(alert("web1")));
    await(store.escalate(incident.id(), 2));
    await(store.escalate(incident.id(), 3));
    OutboxEntry delivered = await(store.claimDue("d", "tier-3", 1, Duration.ofMinutes(2))).get(0);
    await(store.markDelivered(delivered.id()));

    assertEquals(
        List.of("tier-2"), await(store.parkUnknownReceivers(Set.of("tier-1", "gone-but-unused"))));

    List<OutboxEntry> outbox = store.outbox(incident.id());
    assertEquals("no receiver named \"tier-2\" is configured", outbox.get(1).lastError());
    assertEquals(1, outbox.get(1).attempts());
    assertNull(outbox.get(0).lastError(), "tier-1 is configured");
    assertNull(outbox.get(2).lastError(), "delivered already");
    assertEquals(1, store.pendingNotifications());
    assertEquals(List.of(), await(store.claimDue("d", "tier-2", 1, Duration.ofMinutes(2))));
  }

  @Test
  void shouldGiveEachUnresolvedIncidentsLatestFiringNoticeOnceDelivered() throws Exception {
    Incident escalated = await(store.raise(alert("web1")));
    Incident acknowledged = await(store.raise(alert("web3")));
    Incident resolved = await(store.raise(alert("web4")));
    Incident reopened = await(store.raise(alert("web5")));
    deliverAll("tier-1");
    Incident undelivered = await(store.raise(alert("web2")));
    await(store.acknowledge(acknowledged.id(), "ana", ""));
    await(store.escalate(escalated.id(), 2));
    await(store.escalate(escalated.id(), 3));
    deliverAll("tier-2");
    await(store.resolve(resolved.id(), "ana", ""));
    await(store.clear(reopened.key()));
    await(store.raise(alert("web5")));

    assertEquals(
        List.of(escalated.id(), acknowledged.id()),
        store.latestFiringDelivered("tier-1").stream().map(OutboxEntry::incidentId).toList(),
        "web2's notice and web5's of its new opening are not delivered yet; web4 is resolved");
    assertEquals(
        List.of(OutboxKind.ESCALATION),
        store.latestFiringDelivered("tier-2").stream().map(OutboxEntry::kind).toList());
    assertEquals(List.of(), store.latestFiringDelivered("tier-3"), "not delivered yet");

    deliverAll("tier-1");

    List<OutboxEntry> firing = store.latestFiringDelivered("tier-1");
    assertEquals(
        List.of(escalated.id(), acknowledged.id(), reopened.id(), undelivered.id()),
        firing.stream().map(OutboxEntry::incidentId).toList());
    assertEquals(
        Set.of(OutboxKind.FIRING), firing.stream().map(OutboxEntry::kind).collect(toSet()));
    assertEquals(
        store.outbox(reopened.id()).get(2).id(), firing.get(2).id(), "its new opening's notice");
  }

  /** Delivers the receiver's entries, claim after claim, as its dispatcher would. */
  private void deliverAll(String receiver) throws Exception {
    List<OutboxEntry> claimed;
    do {
      claimed = await(store.claimDue("d", receiver, 100, Duration.ofMinutes(2)));
      for (OutboxEntry entry : claimed) {
        await(store.markDelivered(entry.id()));
      }
    } while (!claimed.isEmpty());
  }

  @Test
  void shouldRescheduleAFailedDeliveryCountingTheAttempt() throws Exception {
    Incident incident = await(store.raise(alert("web1")));
    OutboxEntry entry = await(store.claimDue("d", "tier-1", 1, Duration.ofMinutes(1))).get(0);
    Instant retryAt = T0.plusSeconds(20);

    assertTrue(await(store.reschedule(entry.id(), retryAt, "connection refused")));

    assertEquals(List.of(), await(store.claimDue("d", "tier-1", 1, Duration.ofMinutes(1))));
    OutboxEntry stored = store.outbox(incident.id()).get(0);
    assertEquals(1, stored.attempts());
    assertEquals(retryAt, stored.nextAttemptAt());
    assertEquals("connection refused", stored.lastError());
    clock.advance(Duration.ofSeconds(20));
    assertEquals(
        List.of(entry.id()),
        await(store.claimDue("d", "tier-1", 1, Duration.ofMinutes(1))).stream()
            .map(OutboxEntry::id)
            .toList());
  }

  @Test
  void shouldKeepEverythingAcrossAReopenAndApplyEachMigrationOnce() throws Exception {
    Incident incident = await(store.raise(alert("web1")));
    await(store.acknowledge(incident.id(), "alice", "on it"));
    store.close();

    store = open();

    assertEquals(IncidentState.ACKNOWLEDGED, store.incident(incident.id()).orElseThrow().state());
    assertEquals(2, store.timeline(incident.id()).size());
    assertEquals(
        IntStream.rangeClosed(1, SchemaMigrator.latestScript()).boxed().toList(), schemaVersions());
  }

  @Test
  void shouldRefuseADatabaseWhoseSchemaIsNewerThanTheCollector() throws Exception {
    int newer = SchemaMigrator.latestScript() + 1;
    try (Connection c = Dialect.of(location).connect(location, false);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO schema_version (version, description, applied_at) VALUES ("
              + newer
              + ", 'from the future', 0)");
      c.commit();
    }

    IncidentStoreException e = assertThrows(IncidentStoreException.class, this::open);

    assertTrue(
        e.getMessage()
            .endsWith(
                "the database's schema is version "
                    + newer
                    + " but this collector knows only up to "
                    + (newer - 1)
                    + ": run a newer collector"),
        e.getMessage());
  }

  private List<EventAction> actions(long id) {
    return store.timeline(id).stream().map(IncidentEvent::action).toList();
  }

  private List<String> notices(long id) {
    return store.outbox(id).stream().map(e -> e.kind() + " " + e.receiver()).toList();
  }

  private List<Integer> schemaVersions() throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = Dialect.of(location).connect(location, false);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  @Test
  void shouldRememberTheFleetAndTakeItOverAfterARestart() throws Exception {
    FleetTable fleet = store.fleet("collector-a");
    Instant later = T0.plus(Duration.ofHours(1));
    await(fleet.claimed("web1", Map.of("site", "paris", "role", "web"), "1.2.0", "linux", T0));
    await(fleet.claimed("db1", Map.of(), "1.1.0", "linux", T0));
    await(fleet.claimed("ws7", Map.of("site", "lyon"), "1.2.0", "windows", T0));
    await(fleet.seen(Map.of("web1", later, "db1", T0.minusSeconds(60))));
    await(fleet.released("db1", true, T0.plusSeconds(30), T0.plusSeconds(31)));
    await(fleet.released("ws7", false, T0.plusSeconds(40), T0.plusSeconds(41)));
    await(fleet.claimed("web1", Map.of("site", "paris"), "1.3.0", "linux", later));
    store.close();

    store = open();
    Instant restart = later.plus(Duration.ofMinutes(5));
    List<FleetHost> restored = await(store.fleet("collector-a").restore(restart));

    assertEquals(
        List.of(
            new FleetHost(
                "db1",
                Map.of(),
                "1.1.0",
                "linux",
                T0,
                T0.plusSeconds(30),
                FleetHost.State.SHUT_DOWN,
                T0.plusSeconds(31),
                "collector-a"),
            new FleetHost(
                "web1",
                Map.of("site", "paris"),
                "1.3.0",
                "linux",
                T0,
                later,
                FleetHost.State.LOST,
                restart,
                "collector-a"),
            new FleetHost(
                "ws7",
                Map.of("site", "lyon"),
                "1.2.0",
                "windows",
                T0,
                T0.plusSeconds(40),
                FleetHost.State.LOST,
                T0.plusSeconds(41),
                "collector-a")),
        restored,
        "first seen kept across a new Hello, last seen never moved back, up taken as lost");
    assertEquals(restored, store.fleet("collector-a").hosts());
  }

  @Test
  void shouldLeaveTheHostsOfAnotherCollectorSharingTheTableToIt() throws Exception {
    FleetTable a = store.fleet("a:7431");
    FleetTable b = store.fleet("b:7431");
    await(a.claimed("moved", Map.of(), "1.2.0", "linux", T0));
    await(a.claimed("stays", Map.of(), "1.2.0", "linux", T0));
    await(b.claimed("on-b", Map.of(), "1.2.0", "linux", T0));
    await(b.claimed("moved", Map.of(), "1.2.0", "linux", T0.plusSeconds(10)));

    await(a.released("moved", false, T0.plusSeconds(5), T0.plusSeconds(20)));
    await(a.seen(Map.of("moved", T0.plusSeconds(30), "stays", T0.plusSeconds(30))));
    Instant restart = T0.plus(Duration.ofMinutes(1));
    List<FleetHost> restored = await(a.restore(restart));

    assertEquals(
        List.of(
            new FleetHost(
                "moved",
                Map.of(),
                "1.2.0",
                "linux",
                T0,
                T0.plusSeconds(10),
                FleetHost.State.UP,
                T0.plusSeconds(10),
                "b:7431"),
            new FleetHost(
                "on-b", Map.of(), "1.2.0", "linux", T0, T0, FleetHost.State.UP, T0, "b:7431"),
            new FleetHost(
                "stays",
                Map.of(),
                "1.2.0",
                "linux",
                T0,
                T0.plusSeconds(30),
                FleetHost.State.LOST,
                restart,
                "a:7431")),
        restored,
        "a's late release and refresh of a host b holds change nothing; a's restart takes only its"
            + " own host as lost");
    FleetHost moved = restored.get(0);
    assertTrue(moved.upElsewhere("a:7431", restart, Duration.ofMinutes(3)));
    assertEquals(false, moved.upElsewhere("b:7431", restart, Duration.ofMinutes(3)), "b's own");
    assertEquals(
        false,
        moved.upElsewhere(
            "a:7431", T0.plusSeconds(10).plus(Duration.ofMinutes(4)), Duration.ofMinutes(3)),
        "b stopped refreshing it: b is gone");
    assertEquals(
        false,
        restored.get(2).upElsewhere("b:7431", restart, Duration.ofMinutes(3)),
        "lost is not up");
  }

  @Test
  void shouldPruneIncidentsResolvedBeforeTheCutOffWithTheirHistoryOnceTheirNoticesWentOut()
      throws Exception {
    Incident oldest = await(store.raise(alert("web1")));
    Incident waiting = await(store.raise(alert("web2")));
    Incident older = await(store.raise(alert("web3")));
    Incident open = await(store.raise(alert("web4")));
    deliverAll("tier-1");
    await(store.escalate(waiting.id(), 2));
    await(store.resolve(oldest.id(), "ana", ""));
    await(store.resolve(waiting.id(), "ana", ""));
    clock.advance(Duration.ofMinutes(1));
    await(store.resolve(older.id(), "ana", ""));
    deliverAll("tier-1");
    clock.advance(Duration.ofDays(1));
    Incident recent = await(store.raise(alert("web5")));
    await(store.resolve(recent.id(), "ana", ""));
    deliverAll("tier-1");
    Instant cutOff = clock.instant().minus(Duration.ofHours(1));

    assertEquals(1, await(store.prune(cutOff, 1)), "a batch at a time");
    assertEquals(1, await(store.prune(cutOff, 10)));
    assertEquals(0, await(store.prune(cutOff, 10)));

    assertEquals(Optional.empty(), store.incident(oldest.id()));
    assertEquals(Optional.empty(), store.incident(older.id()));
    assertEquals(List.of(), store.timeline(older.id()));
    assertEquals(List.of(), store.outbox(older.id()));
    assertTrue(store.incident(waiting.id()).isPresent(), "its tier-2 notices still wait");
    assertTrue(store.incident(open.id()).isPresent(), "unresolved");
    assertTrue(store.incident(recent.id()).isPresent(), "resolved after the cut-off");
    deliverAll("tier-2");
    assertEquals(1, await(store.prune(cutOff, 10)), "its notices went out");
  }

  @Test
  void shouldForgetAHostAndResolveItsUnresolvedIncidents() throws Exception {
    await(store.fleet("collector-a").claimed("web1", Map.of(), "1.2.0", "linux", T0));
    await(store.fleet("collector-a").claimed("web2", Map.of(), "1.2.0", "linux", T0));
    Incident disk = await(store.raise(alert("web1")));
    Incident acknowledged =
        await(
            store.raise(
                new FiringAlert(
                    IncidentKey.of("web1", "HostOffline", Map.of()), Severity.CRITICAL, "", "")));
    await(store.acknowledge(acknowledged.id(), "bob", "looking"));
    Incident other = await(store.raise(alert("web2")));

    List<Incident> resolved = await(store.forgetHost("web1", "alice", "host forgotten"));

    assertEquals(
        List.of(disk.id(), acknowledged.id()), resolved.stream().map(Incident::id).toList());
    for (Incident incident : resolved) {
      assertEquals(IncidentState.RESOLVED, store.incident(incident.id()).orElseThrow().state());
      IncidentEvent last =
          store.timeline(incident.id()).get(store.timeline(incident.id()).size() - 1);
      assertEquals(
          List.of(EventAction.RESOLVED, "alice", "host forgotten"),
          List.of(last.action(), last.actor(), last.comment()));
    }
    assertEquals(List.of(other.id()), store.unresolved().stream().map(Incident::id).toList());
    assertEquals(
        List.of("web2"), store.fleet("collector-a").hosts().stream().map(FleetHost::name).toList());
    assertEquals(List.of(), await(store.forgetHost("web1", "alice", "host forgotten")));
  }
}
