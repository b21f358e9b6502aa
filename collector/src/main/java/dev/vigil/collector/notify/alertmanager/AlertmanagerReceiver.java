package dev.vigil.collector.notify.alertmanager;

import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.Receiver;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts incidents to an Alertmanager through its API v2 ({@code POST /api/v2/alerts}). A firing
 * notice carries an {@code endsAt} {@link #FIRING_VALIDITY} ahead, as Prometheus does: Alertmanager
 * resolves an alert nobody re-posts by then, so the collector re-posts every unresolved incident
 * each {@link #RESEND_INTERVAL}. A resolved notice carries the incident's end, which ends the alert
 * there.
 */
public final class AlertmanagerReceiver implements Receiver {
  /** How often an unresolved incident is posted again: Prometheus' default resend delay. */
  public static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

  /**
   * How long a firing alert stays valid without a re-post: four resend intervals, Prometheus' rule,
   * so two failed re-posts in a row do not resolve it.
   */
  public static final Duration FIRING_VALIDITY = RESEND_INTERVAL.multipliedBy(4);

  /**
   * The most alerts one re-post carries: as many as Prometheus 2's notifier sends in one request
   * (its {@code maxBatchSize}; later releases make it configurable with a default of 256).
   */
  public static final int REPOST_BATCH = 64;

  private final String name;
  private final URI alertsUrl;
  private final Optional<URI> collectorUrl;
  private final JsonPost post;
  private final InstantSource clock;
  private final Duration firingValidity;

  /**
   * @param alertmanagerUrl Alertmanager's base address, e.g. {@code http://127.0.0.1:9093}
   * @param collectorUrl this collector's external address: each alert's {@code generatorURL} then
   *     points at its incident, {@code <collectorUrl>/api/v1/incidents/<id>}
   * @param clock the time a firing alert's {@code endsAt} counts from
   * @param firingValidity how far ahead a firing alert's {@code endsAt} lies ({@link
   *     #FIRING_VALIDITY} but in tests)
   */
  public AlertmanagerReceiver(
      String name,
      URI alertmanagerUrl,
      Optional<URI> collectorUrl,
      JsonPost post,
      InstantSource clock,
      Duration firingValidity) {
    this.name = name;
    this.alertsUrl = URI.create(withoutSlash(alertmanagerUrl) + "/api/v2/alerts");
    this.collectorUrl = collectorUrl;
    this.post = post;
    this.clock = clock;
    this.firingValidity = firingValidity;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    post(List.of(notification));
  }

  /**
   * Posts the firing {@code notifications} again in one request, each with a fresh {@code endsAt}:
   * what keeps their alerts alive in Alertmanager. At most {@link #REPOST_BATCH} at once.
   */
  public void repost(List<Notification> notifications) throws DeliveryException {
    if (notifications.size() > REPOST_BATCH) {
      throw new IllegalArgumentException(
          notifications.size() + " alerts in one post; at most " + REPOST_BATCH);
    }
    post(notifications);
  }

  private void post(List<Notification> notifications) throws DeliveryException {
    Instant firingEnd = clock.instant().plus(firingValidity);
    post.post(
        alertsUrl,
        AlertmanagerPayload.write(
            notifications, n -> n.endsAt().orElse(firingEnd), this::generatorUrl),
        Map.of());
  }

  private Optional<URI> generatorUrl(Notification notification) {
    return collectorUrl.map(
        base ->
            URI.create(
                withoutSlash(base)
                    + "/api/v1/incidents/"
                    + URLEncoder.encode(notification.incidentId(), StandardCharsets.UTF_8)));
  }

  private static String withoutSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
