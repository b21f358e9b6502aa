package dev.vigil.collector.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Renders the API's incidents for people: a table for a list, a card and timeline for one. */
final class IncidentText {
  private static final String[] COLUMNS = {"ID", "STATE", "SEVERITY", "HOST", "RULE", "OPENED"};
  private static final String[] FIELDS = {"id", "state", "severity", "host", "rule", "opened_at"};

  private IncidentText() {}

  /** One row per incident under a header, columns padded to their widest cell. */
  static String table(List<JsonObject> incidents) {
    if (incidents.isEmpty()) {
      return "no incidents\n";
    }
    List<String[]> rows = new ArrayList<>();
    for (JsonObject incident : incidents) {
      String[] row = new String[FIELDS.length];
      for (int i = 0; i < FIELDS.length; i++) {
        row[i] = TextTable.text(incident.get(FIELDS[i]));
      }
      rows.add(row);
    }
    return TextTable.render(COLUMNS, rows);
  }

  /** The incident's fields, one per line, then its timeline. */
  static String card(JsonObject incident) {
    StringBuilder out = new StringBuilder();
    out.append("incident ").append(TextTable.text(incident.get("id"))).append('\n');
    for (String field :
        List.of(
            "state",
            "severity",
            "host",
            "rule",
            "labels",
            "summary",
            "runbook_url",
            "opened_at",
            "acknowledged_at",
            "resolved_at",
            "tier",
            "flaps")) {
      out.append(String.format("  %-16s %s%n", field, TextTable.text(incident.get(field))));
    }
    if (incident.has("timeline")) {
      out.append("timeline\n");
      for (JsonElement event : incident.getAsJsonArray("timeline")) {
        JsonObject e = event.getAsJsonObject();
        String comment = TextTable.text(e.get("comment"));
        out.append("  ")
            .append(TextTable.text(e.get("at")))
            .append("  ")
            .append(TextTable.text(e.get("action")))
            .append(" by ")
            .append(TextTable.text(e.get("actor")))
            .append(comment.isEmpty() ? "" : ": " + comment)
            .append('\n');
      }
    }
    return out.toString();
  }
}
