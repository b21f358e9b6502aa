package dev.vigil.collector.notify.alertmanager;

import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.Receiver;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Posts incidents to an Alertmanager through its API v2 ({@code POST /api/v2/alerts}). A firing
 * notice carries no {@code endsAt}, so Alertmanager keeps the alert for its {@code
 * resolve_timeout}; a resolved notice carries the incident's end, which ends the alert there.
 */
public final class AlertmanagerReceiver implements Receiver {
  private final String name;
  private final URI alertsUrl;
  private final Optional<URI> collectorUrl;
  private final JsonPost post;

  /**
   * @param alertmanagerUrl Alertmanager's base address, e.g. {@code http://127.0.0.1:9093}
   * @param collectorUrl this collector's external address: each alert's {@code generatorURL} then
   *     points at its incident, {@code <collectorUrl>/api/v1/incidents/<id>}
   */
  public AlertmanagerReceiver(
      String name, URI alertmanagerUrl, Optional<URI> collectorUrl, JsonPost post) {
    this.name = name;
    this.alertsUrl = URI.create(withoutSlash(alertmanagerUrl) + "/api/v2/alerts");
    this.collectorUrl = collectorUrl;
    this.post = post;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    Optional<URI> generator =
        collectorUrl.map(
            base ->
                URI.create(
                    withoutSlash(base)
                        + "/api/v1/incidents/"
                        + URLEncoder.encode(notification.incidentId(), StandardCharsets.UTF_8)));
    post.post(alertsUrl, AlertmanagerPayload.write(notification, generator), Map.of());
  }

  private static String withoutSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
