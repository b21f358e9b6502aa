package dev.vigil.collector.alerting;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.OutboxEntry;
import dev.vigil.collector.incident.OutboxKind;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.NotificationStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the incident store's outbox payload (fields in {@code incident/package-info.java}) into
 * the notification receivers send. Firing and escalation entries are firing notices; a resolved
 * entry ends at the incident's resolution time.
 */
final class OutboxNotification {
  private OutboxNotification() {}

  static Notification decode(OutboxEntry entry) {
    JsonObject json = JsonParser.parseString(entry.payload()).getAsJsonObject();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> label : json.getAsJsonObject("labels").entrySet()) {
      labels.put(label.getKey(), label.getValue().getAsString());
    }
    String host = json.get("host").getAsString();
    String rule = json.get("rule").getAsString();
    boolean resolved = entry.kind() == OutboxKind.RESOLVED;
    return new Notification(
        Long.toString(entry.incidentId()),
        IncidentKey.of(host, rule, labels).canonical(),
        host,
        rule,
        labels,
        annotations(json),
        json.get("severity").getAsString(),
        resolved ? NotificationStatus.RESOLVED : NotificationStatus.FIRING,
        entry.tier(),
        Instant.parse(json.get("openedAt").getAsString()),
        resolved
            ? Optional.of(Instant.parse(json.get("resolvedAt").getAsString()))
            : Optional.empty());
  }

  private static Map<String, String> annotations(JsonObject json) {
    Map<String, String> annotations = new LinkedHashMap<>();
    put(annotations, Notification.SUMMARY, json.get("summary").getAsString());
    put(annotations, Notification.RUNBOOK_URL, json.get("runbookUrl").getAsString());
    return annotations;
  }

  private static void put(Map<String, String> map, String name, String value) {
    if (!value.isEmpty()) {
      map.put(name, value);
    }
  }
}
