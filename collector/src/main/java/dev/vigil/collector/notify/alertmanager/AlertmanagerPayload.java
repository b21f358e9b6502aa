package dev.vigil.collector.notify.alertmanager;

import com.google.gson.stream.JsonWriter;
import dev.vigil.collector.notify.JsonDocuments;
import dev.vigil.collector.notify.Notification;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a notification as the body of {@code POST /api/v2/alerts}: a list of one postable alert.
 * The labels identify the alert to Alertmanager (its fingerprint), so they are the incident's
 * labels plus {@code alertname}, {@code instance} and {@code severity} and nothing that changes
 * during the incident's life: the escalation tier is not among them, or each step would make a new
 * alert.
 */
final class AlertmanagerPayload {
  private AlertmanagerPayload() {}

  /**
   * @param endsAt the resolved notice's end, or how long a firing alert stays valid without a
   *     re-post
   */
  static String write(Notification notification, Instant endsAt, Optional<URI> generatorUrl) {
    return JsonDocuments.render(json -> alerts(json, notification, endsAt, generatorUrl));
  }

  private static void alerts(
      JsonWriter json, Notification n, Instant endsAt, Optional<URI> generatorUrl)
      throws IOException {
    json.beginArray().beginObject();
    json.name("labels");
    JsonDocuments.stringMap(json, labels(n));
    json.name("annotations");
    JsonDocuments.stringMap(json, n.annotations());
    json.name("startsAt").value(n.startsAt().toString());
    json.name("endsAt").value(endsAt.toString());
    if (generatorUrl.isPresent()) {
      json.name("generatorURL").value(generatorUrl.get().toString());
    }
    json.endObject().endArray();
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
