package dev.vigil.collector.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the API's hosts for people: a table for a list, a card for one, a line for one forgotten.
 */
final class HostText {
  private static final String[] COLUMNS = {
    "NAME", "STATE", "LAST SEEN", "OS", "AGENT", "SECURITY", "OTHER", "REBOOT", "INCIDENTS"
  };

  private HostText() {}

  /** One row per host under a header; then how to ask for the next page, when there is one. */
  static String table(List<JsonObject> hosts, String nextAfter) {
    if (hosts.isEmpty()) {
      return "no hosts\n";
    }
    List<String[]> rows = new ArrayList<>();
    for (JsonObject host : hosts) {
      JsonObject patch = host.getAsJsonObject("patch");
      rows.add(
          new String[] {
            text(host, "name"),
            text(host, "state"),
            text(host, "last_seen"),
            text(host, "os"),
            text(host, "agent_version"),
            text(patch, "security_updates_pending"),
            text(patch, "other_updates_pending"),
            reboot(patch),
            text(host, "unresolved_incidents")
          });
    }
    String table = TextTable.render(COLUMNS, rows);
    return nextAfter == null ? table : table + "more: --after " + nextAfter + "\n";
  }

  /** The host's fields and its patch summary, one per line. */
  static String card(JsonObject host) {
    StringBuilder out = new StringBuilder("host ").append(text(host, "name")).append('\n');
    for (String field : List.of("state", "last_seen", "os", "agent_version")) {
      line(out, field, text(host, field));
    }
    line(out, "labels", labels(host.getAsJsonObject("labels")));
    line(out, "unresolved", text(host, "unresolved_incidents") + " incidents");
    out.append("patch\n");
    JsonObject patch = host.getAsJsonObject("patch");
    for (Map.Entry<String, JsonElement> field : patch.entrySet()) {
      line(out, field.getKey(), TextTable.text(field.getValue()));
    }
    return out.toString();
  }

  /** What forgetting a host did: {@code forgot web1; resolved incidents 12, 15}. */
  static String forgotten(JsonObject answer) {
    List<String> ids = new ArrayList<>();
    answer.getAsJsonArray("resolved_incidents").forEach(id -> ids.add(id.getAsString()));
    return "forgot "
        + text(answer, "name")
        + (ids.isEmpty() ? "; it had no unresolved incidents" : "; resolved incidents ")
        + String.join(", ", ids)
        + "\n";
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format("  %-24s %s%n", name, value));
  }

  /** {@code yes (reason, ...)}, {@code no} or {@code -}. */
  private static String reboot(JsonObject patch) {
    JsonElement required = patch.get("reboot_required");
    if (required == null || required.isJsonNull()) {
      return "-";
    }
    if (!required.getAsBoolean()) {
      return "no";
    }
    JsonElement reasons = patch.get("reboot_reasons");
    if (reasons == null || reasons.isJsonNull() || reasons.getAsJsonArray().isEmpty()) {
      return "yes";
    }
    List<String> names = new ArrayList<>();
    reasons.getAsJsonArray().forEach(r -> names.add(r.getAsString()));
    return "yes (" + String.join(", ", names) + ")";
  }

  private static String labels(JsonObject labels) {
    List<String> pairs = new ArrayList<>();
    labels.entrySet().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue().getAsString()));
    return pairs.isEmpty() ? "-" : String.join(", ", pairs);
  }

  private static String text(JsonObject object, String field) {
    return TextTable.text(object.get(field));
  }
}
