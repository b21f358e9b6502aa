package dev.vigil.collector.incident.store;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.OutboxKind;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON an outbox entry carries: the incident as the change left it, so a receiver renders the
 * notice from the entry alone, even if the incident has moved on by the time it is delivered. The
 * fields are listed in the package documentation.
 */
final class OutboxPayload {
  private static final Gson GSON = new Gson();

  private OutboxPayload() {}

  static String render(Incident incident, IncidentEvent event, OutboxKind kind, int tier) {
    JsonObject json = new JsonObject();
    json.addProperty("incident", incident.id());
    json.addProperty("kind", kind.name().toLowerCase(Locale.ROOT));
    json.addProperty("tier", tier);
    json.addProperty("host", incident.key().host());
    json.addProperty("rule", incident.key().rule());
    JsonObject labels = new JsonObject();
    incident.key().labels().forEach(labels::addProperty);
    json.add("labels", labels);
    json.addProperty("severity", incident.severity().label());
    json.addProperty("state", incident.state().name().toLowerCase(Locale.ROOT));
    json.addProperty("summary", incident.summary());
    json.addProperty("runbookUrl", incident.runbookUrl());
    time(json, "openedAt", incident.openedAt());
    time(json, "resolvedAt", incident.resolvedAt());
    json.addProperty("flaps", incident.flaps());
    JsonObject cause = new JsonObject();
    time(cause, "at", event.at());
    cause.addProperty("actor", event.actor());
    cause.addProperty("action", event.action().name().toLowerCase(Locale.ROOT));
    cause.addProperty("comment", event.comment());
    json.add("event", cause);
    return GSON.toJson(json);
  }

  private static void time(JsonObject json, String name, Instant at) {
    if (at != null) {
      json.addProperty(name, at.toString());
    }
  }
}
