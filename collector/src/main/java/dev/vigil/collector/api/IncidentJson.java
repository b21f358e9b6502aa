package dev.vigil.collector.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Incidents and their timelines as the API's JSON: snake_case names, RFC 3339 UTC times. */
final class IncidentJson {
  private IncidentJson() {}

  static JsonObject list(List<Incident> incidents) {
    JsonArray array = new JsonArray();
    incidents.forEach(i -> array.add(incident(i)));
    JsonObject body = new JsonObject();
    body.add("incidents", array);
    return body;
  }

  static JsonObject withTimeline(Incident incident, List<IncidentEvent> timeline) {
    JsonObject body = incident(incident);
    JsonArray events = new JsonArray();
    timeline.forEach(e -> events.add(event(e)));
    body.add("timeline", events);
    return body;
  }

  static JsonObject incident(Incident i) {
    JsonObject o = new JsonObject();
    o.addProperty("id", i.id());
    o.addProperty("host", i.key().host());
    o.addProperty("rule", i.key().rule());
    JsonObject labels = new JsonObject();
    i.key().labels().forEach(labels::addProperty);
    o.add("labels", labels);
    o.addProperty("severity", i.severity().label());
    o.addProperty("state", i.state().name().toLowerCase(Locale.ROOT));
    o.addProperty("summary", i.summary());
    o.addProperty("runbook_url", i.runbookUrl());
    o.add("opened_at", time(i.openedAt()));
    o.add("changed_at", time(i.changedAt()));
    o.add("acknowledged_at", time(i.acknowledgedAt()));
    o.add("resolved_at", time(i.resolvedAt()));
    o.addProperty("flaps", i.flaps());
    o.addProperty("tier", i.tier());
    return o;
  }

  private static JsonObject event(IncidentEvent e) {
    JsonObject o = new JsonObject();
    o.add("at", time(e.at()));
    o.addProperty("actor", e.actor());
    o.addProperty("action", e.action().name().toLowerCase(Locale.ROOT));
    o.addProperty("comment", e.comment());
    return o;
  }

  /** An instant as RFC 3339 UTC, or JSON null. */
  static JsonElement time(Instant at) {
    return at == null ? JsonNull.INSTANCE : new JsonPrimitive(at.toString());
  }
}
