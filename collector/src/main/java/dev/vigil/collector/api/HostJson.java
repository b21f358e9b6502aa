package dev.vigil.collector.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hosts as the API's JSON: snake_case names, RFC 3339 UTC times, null for what is unknown. */
final class HostJson {
  private HostJson() {}

  /** A page of hosts, and the name to pass as {@code after} for the next page, or null. */
  static JsonObject list(List<JsonObject> hosts, String nextAfter) {
    JsonArray array = new JsonArray();
    hosts.forEach(array::add);
    JsonObject body = new JsonObject();
    body.add("hosts", array);
    body.add("next_after", nextAfter == null ? JsonNull.INSTANCE : new JsonPrimitive(nextAfter));
    return body;
  }

  static JsonObject host(HostState host, PatchSummary patch, long unresolvedIncidents) {
    HostIdentity identity = host.identity();
    JsonObject o = new JsonObject();
    o.addProperty("name", host.name());
    o.addProperty("state", HostLiveness.of(host).label());
    long lastSeen = host.lastSeenMillis();
    o.add("last_seen", IncidentJson.time(lastSeen == 0 ? null : Instant.ofEpochMilli(lastSeen)));
    JsonObject labels = new JsonObject();
    identity.labels().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> labels.addProperty(e.getKey(), e.getValue()));
    o.add("labels", labels);
    o.add("agent_version", text(identity.agentVersion()));
    o.add("os", text(identity.os()));
    o.add("patch", patch(patch));
    o.addProperty("unresolved_incidents", unresolvedIncidents);
    return o;
  }

  /** A forgotten host and the ids of the incidents its forgetting resolved. */
  static JsonObject forgotten(String name, List<Incident> resolved) {
    JsonArray ids = new JsonArray();
    resolved.forEach(i -> ids.add(i.id()));
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.add("resolved_incidents", ids);
    return o;
  }

  private static JsonObject patch(PatchSummary p) {
    JsonObject o = new JsonObject();
    o.add("security_updates_pending", number(p.securityPending()));
    o.add("other_updates_pending", number(p.otherPending()));
    o.add("reboot_required", flag(p.rebootRequired()));
    JsonElement reasons = JsonNull.INSTANCE;
    if (p.rebootReasons() != null) {
      JsonArray array = new JsonArray();
      p.rebootReasons().forEach(array::add);
      reasons = array;
    }
    o.add("reboot_reasons", reasons);
    o.add("last_install", IncidentJson.time(p.lastInstall()));
    o.add("last_refresh", IncidentJson.time(p.lastRefresh()));
    o.add("scan_success", flag(p.scanSuccess()));
    o.add("last_scan", IncidentJson.time(p.lastScan()));
    return o;
  }

  private static JsonElement number(Long value) {
    return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }

  private static JsonElement flag(Boolean value) {
    return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }

  private static JsonElement text(String value) {
    return value.isEmpty() ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }
}
