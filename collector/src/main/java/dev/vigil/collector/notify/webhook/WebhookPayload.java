package dev.vigil.collector.notify.webhook;

import com.google.gson.stream.JsonWriter;
import dev.vigil.collector.notify.JsonDocuments;
import dev.vigil.collector.notify.Notification;
import java.io.IOException;

/**
 * Writes a notification as the webhook's JSON document (format {@code "version": 1}, documented in
 * the README). The same notification always gives the same bytes.
 */
final class WebhookPayload {
  static final int VERSION = 1;

  private WebhookPayload() {}

  static String write(Notification notification) {
    return JsonDocuments.render(json -> document(json, notification));
  }

  private static void document(JsonWriter json, Notification n) throws IOException {
    json.beginObject();
    json.name("version").value(VERSION);
    json.name("incident_id").value(n.incidentId());
    json.name("dedupe_key").value(n.dedupeKey());
    json.name("status").value(n.status().word());
    json.name("tier").value(n.tier());
    json.name("host").value(n.host());
    json.name("alertname").value(n.alertname());
    json.name("severity").value(n.severity());
    json.name("labels");
    JsonDocuments.stringMap(json, n.labels());
    json.name("annotations");
    JsonDocuments.stringMap(json, n.annotations());
    json.name("starts_at").value(n.startsAt().toString());
    json.name("ends_at");
    if (n.endsAt().isPresent()) {
      json.value(n.endsAt().get().toString());
    } else {
      json.nullValue();
    }
    json.endObject();
  }
}
