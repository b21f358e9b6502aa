package dev.vigil.collector.notify.alertmanager;

import com.google.gson.stream.JsonWriter;
import dev.vigil.collector.notify.JsonDocuments;
import dev.vigil.collector.notify.Notification;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes notifications as the body of {@code POST /api/v2/alerts}: a list of postable alerts, one
 * per notification. The labels identify the alert to Alertmanager (its fingerprint), so they are
 * the incident's labels plus {@code alertname}, {@code instance} and {@code severity} and nothing
 * that changes during the incident's life: the escalation tier is not among them, or each step
 * would make a new alert.
 */
final class AlertmanagerPayload {
  private AlertmanagerPayload() {}

  /**
   * @param endsAt each notification's end: a resolved notice's own, or how long a firing alert
   *     stays valid without a re-post
   * @param generatorUrl each notification's link back to its incident, if any
   */
  static String write(
      List<Notification> notifications,
      Function<Notification, Instant> endsAt,
      Function<Notification, Optional<URI>> generatorUrl) {
    return JsonDocuments.render(
        json -> {
          json.beginArray();
          for (Notification n : notifications) {
            alert(json, n, endsAt.apply(n), generatorUrl.apply(n));
          }
          json.endArray();
        });
  }

  private static void alert(
      JsonWriter json, Notification n, Instant endsAt, Optional<URI> generatorUrl)
      throws IOException {
    json.beginObject();
    json.name("labels");
    JsonDocuments.stringMap(json, labels(n));
    json.name("annotations");
    JsonDocuments.stringMap(json, n.annotations());
    json.name("startsAt").value(n.startsAt().toString());
    json.name("endsAt").value(endsAt.toString());
    if (generatorUrl.isPresent()) {
      json.name("generatorURL").value(generatorUrl.get().toString());
    }
    json.endObject();
  }

  private static Map<String, String> labels(Notification n) {
    Map<String, String> labels = new HashMap<>(n.labels());
    labels.put("alertname", n.alertname());
    labels.put("instance", n.host());
    if (!n.severity().isEmpty()) {
      labels.put("severity", n.severity());
    }
    return labels;
  }
}
