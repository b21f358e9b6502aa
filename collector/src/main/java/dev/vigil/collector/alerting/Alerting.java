package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.PagingGate;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The incident store with, when notifications are configured, the paging windows, the escalation
 * timer, the Alertmanager re-poster and the dispatcher that delivers its outbox. Without
 * notifications incidents are still recorded; their router tells nobody. {@link #tick()} is one
 * escalation pass, one re-post check and one delivery cycle; {@link #schedule} runs it on one
 * thread of its own until {@link #close()}.
 */
public final class Alerting implements AutoCloseable {
  /** How often the escalation timer and the dispatcher run. */
  public static final Duration PERIOD = Duration.ofSeconds(1);

  static final int BATCH_SIZE = 100;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration RETRY_CAP = Duration.ofMinutes(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

  private final IncidentStore store;
  private final Optional<EscalationTimer> timer;
  private final Optional<AlertmanagerResender> resender;
  private final Optional<NotificationDispatcher> dispatcher;
  private PeriodicTask executor;

  private Alerting(
      IncidentStore store,
      Optional<EscalationTimer> timer,
      Optional<AlertmanagerResender> resender,
      Optional<NotificationDispatcher> dispatcher) {
    this.store = store;
    this.timer = timer;
    this.resender = resender;
    this.dispatcher = dispatcher;
  }

  /**
   * Opens the incident store and, with {@code notifications}, builds the receivers, the timer and
   * the dispatcher; nothing runs until {@link #schedule} or {@link #tick}.
   *
   * @param notifications the receivers, policies and paging windows, or empty to record incidents
   *     only
   * @param hostLabels each host's labels, which paging windows select hosts by
   * @throws dev.vigil.collector.incident.store.IncidentStoreException when the store cannot open
   */
  public static Alerting open(
      String storeLocation,
      Duration flapWindow,
      Optional<NotificationsConfig> notifications,
      HostLabels hostLabels,
      MeterRegistry registry,
      Clock clock) {
    if (notifications.isEmpty()) {
      IncidentStore store =
          IncidentStore.open(storeLocation, flapWindow, (incident, tier) -> List.of(), clock);
      return new Alerting(store, Optional.empty(), Optional.empty(), Optional.empty());
    }
    NotificationsConfig config = notifications.get();
    PagingGate gate = new WindowGate(config.paging(), hostLabels);
    IncidentStore store =
        IncidentStore.open(
            storeLocation, flapWindow, new PolicyRouter(config.policies()), gate, clock);
    Map<String, Receiver> receivers =
        config.build(clock, new JsonPost(NotificationsConfigParser.RECEIVER_TIMEOUT));
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            new StoreOutbox(store, "collector-" + UUID.randomUUID()),
            receivers,
            new Backoff(FIRST_RETRY, RETRY_CAP, RandomGenerator.getDefault()),
            clock,
            new NotificationMetrics(registry),
            BATCH_SIZE);
    return new Alerting(
        store,
        Optional.of(new EscalationTimer(store, config.policies(), gate, clock)),
        Optional.of(
            new AlertmanagerResender(
                store, alertmanagers(receivers), clock, AlertmanagerReceiver.RESEND_INTERVAL)),
        Optional.of(dispatcher));
  }

  private static Map<String, Receiver> alertmanagers(Map<String, Receiver> receivers) {
    Map<String, Receiver> alertmanagers = new HashMap<>();
    receivers.forEach(
        (name, receiver) -> {
          if (receiver instanceof AlertmanagerReceiver) {
            alertmanagers.put(name, receiver);
          }
        });
    return alertmanagers;
  }

  /** The incidents. */
  public IncidentStore store() {
    return store;
  }

  /** Runs {@link #tick()} every {@code period} on a thread of its own, when notifications exist. */
  public synchronized void schedule(Duration period) {
    if (dispatcher.isPresent() && executor == null) {
      executor =
          PeriodicTask.start(
              "vigil-notifications", Duration.ZERO, period, CLOSE_TIMEOUT, this::tick);
    }
  }

  /**
   * Pages and escalates what is due, re-posts unresolved incidents to Alertmanager when due, then
   * delivers what is due (so a new tier's notices go out in the same tick, and a resolve queued
   * meanwhile is posted after the re-post); returns how many pagings, escalations, re-posts and
   * delivery attempts it made.
   */
  public int tick() {
    int escalations = timer.map(EscalationTimer::escalateDue).orElse(0);
    int reposts = resender.map(AlertmanagerResender::resendDue).orElse(0);
    return escalations + reposts + dispatcher.map(NotificationDispatcher::dispatchDue).orElse(0);
  }

  /**
   * Stops the thread (a tick in progress finishes, within a receiver's timeout), then the store.
   */
  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.close();
    }
    store.close();
  }
}
