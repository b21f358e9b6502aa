package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.PagingGate;
import dev.vigil.collector.incident.store.IncidentRetention;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Receiver;
import dev.vigil.collector.notify.alertmanager.AlertmanagerReceiver;
import dev.vigil.collector.notify.config.NotificationsConfig;
import dev.vigil.collector.notify.config.NotificationsConfigParser;
import dev.vigil.collector.notify.delivery.Backoff;
import dev.vigil.collector.notify.delivery.NotificationDispatcher;
import dev.vigil.collector.notify.delivery.NotificationMetrics;
import dev.vigil.collector.periodic.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The incident store with, when notifications are configured, the paging windows, the escalation
 * timer and, for each receiver, a {@link DeliveryLane}: its dispatcher, and for an Alertmanager its
 * re-poster. Without notifications incidents are still recorded; their router tells nobody. {@link
 * #tick()} is one escalation pass and one cycle of every lane, in turn; {@link #schedule} runs the
 * escalation timer and each lane on a thread of its own until {@link #close()}, so a receiver that
 * hangs (each request may take a receiver's whole timeout) delays neither escalation nor the other
 * receivers.
 */
public final class Alerting implements AutoCloseable {
  /** How often the escalation timer and each lane run. */
  public static final Duration PERIOD = Duration.ofSeconds(1);

  static final int BATCH_SIZE = 100;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration RETRY_CAP = Duration.ofMinutes(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

  private final IncidentStore store;
  private final IncidentRetention retention;
  private final Optional<EscalationTimer> timer;
  private final List<DeliveryLane> lanes;
  private List<PeriodicTask> running = List.of();

  private Alerting(
      IncidentStore store,
      IncidentRetention retention,
      Optional<EscalationTimer> timer,
      List<DeliveryLane> lanes) {
    this.store = store;
    this.retention = retention;
    this.timer = timer;
    this.lanes = lanes;
  }

  /**
   * Opens the incident store and, with {@code notifications}, builds the receivers, the timer and a
   * lane per receiver, and parks the pending notices of receivers no longer configured; nothing
   * runs until {@link #schedule} or {@link #tick}.
   *
   * @param retention how long a resolved incident is kept (zero: for ever); {@link #schedule}
   *     deletes older ones hourly
   * @param notifications the receivers, policies and paging windows, or empty to record incidents
   *     only
   * @param hostLabels each host's labels, which paging windows select hosts by
   * @throws dev.vigil.collector.incident.store.IncidentStoreException when the store cannot open
   */
  public static Alerting open(
      String storeLocation,
      Duration flapWindow,
      Duration retention,
      Optional<NotificationsConfig> notifications,
      HostLabels hostLabels,
      MeterRegistry registry,
      Clock clock) {
    if (notifications.isEmpty()) {
      IncidentStore store =
          IncidentStore.open(storeLocation, flapWindow, (incident, tier) -> List.of(), clock);
      return new Alerting(
          store,
          new IncidentRetention(store, retention, clock, registry),
          Optional.empty(),
          List.of());
    }
    NotificationsConfig config = notifications.get();
    PagingGate gate = new WindowGate(config.paging(), hostLabels);
    IncidentStore store =
        IncidentStore.open(
            storeLocation, flapWindow, new PolicyRouter(config.policies()), gate, clock);
    Map<String, Receiver> receivers =
        config.build(clock, new JsonPost(NotificationsConfigParser.RECEIVER_TIMEOUT));
    StoreOutbox outbox = new StoreOutbox(store, "collector-" + UUID.randomUUID());
    NotificationMetrics metrics = new NotificationMetrics(registry);
    NotificationDispatcher.parkUnknownReceivers(outbox, receivers.keySet(), metrics);
    List<DeliveryLane> lanes =
        receivers.values().stream()
            .sorted(Comparator.comparing(Receiver::name))
            .map(receiver -> lane(receiver, store, outbox, metrics, clock))
            .toList();
    return new Alerting(
        store,
        new IncidentRetention(store, retention, clock, registry),
        Optional.of(new EscalationTimer(store, config.policies(), gate, clock)),
        lanes);
  }

  private static DeliveryLane lane(
      Receiver receiver,
      IncidentStore store,
      StoreOutbox outbox,
      NotificationMetrics metrics,
      Clock clock) {
    Optional<AlertmanagerResender> resender =
        receiver instanceof AlertmanagerReceiver alertmanager
            ? Optional.of(
                new AlertmanagerResender(
                    store, alertmanager, clock, AlertmanagerReceiver.RESEND_INTERVAL))
            : Optional.empty();
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            outbox,
            receiver,
            new Backoff(FIRST_RETRY, RETRY_CAP, RandomGenerator.getDefault()),
            clock,
            metrics,
            BATCH_SIZE);
    return new DeliveryLane(receiver.name(), resender, dispatcher);
  }

  /** The incidents. */
  public IncidentStore store() {
    return store;
  }

  /**
   * Starts the hourly retention ({@code vigil-retention}) and, when notifications exist, runs the
   * escalation timer ({@code vigil-escalation}) and each lane ({@code vigil-deliver-<receiver>})
   * every {@code period}, each on a thread of its own.
   */
  public synchronized void schedule(Duration period) {
    retention.schedule();
    if (timer.isEmpty() || !running.isEmpty()) {
      return;
    }
    List<PeriodicTask> started = new ArrayList<>();
    started.add(
        PeriodicTask.start(
            "vigil-escalation", Duration.ZERO, period, CLOSE_TIMEOUT, timer.get()::escalateDue));
    for (DeliveryLane lane : lanes) {
      started.add(
          PeriodicTask.start(
              "vigil-deliver-" + lane.receiver(), Duration.ZERO, period, CLOSE_TIMEOUT, lane::run));
    }
    running = List.copyOf(started);
  }

  /**
   * Pages and escalates what is due, then runs one cycle of each receiver's lane (re-posts to
   * Alertmanager when due, then delivers what is due), so a new tier's notices go out in the same
   * tick; returns how many pagings, escalations, re-posts and delivery attempts it made.
   */
  public int tick() {
    int escalations = timer.map(EscalationTimer::escalateDue).orElse(0);
    return escalations + lanes.stream().mapToInt(DeliveryLane::run).sum();
  }

  /**
   * Stops the threads together (cycles in progress finish, each within a receiver's timeout), then
   * the store.
   */
  @Override
  public synchronized void close() {
    PeriodicTask.closeAll(running);
    retention.close();
    store.close();
  }
}
