package dev.vigil.collector.http;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.store.LabelText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The unresolved incidents as exposition text: {@code vigil_incidents_open{severity}}, every
 * severity always present, and one {@code vigil_alerts} series per incident, shaped like
 * Prometheus' own {@code ALERTS} but under a name of its own, since a Prometheus that evaluates the
 * same rules writes {@code ALERTS} itself and the two would collide. Rendered once per refresh, so
 * that a scrape copies bytes.
 */
final class IncidentExposition {
  static final String OPEN = "vigil_incidents_open";
  static final String ALERTS = "vigil_alerts";
  static final String READ_AT = "vigil_incidents_read_timestamp_seconds";

  /** Names this class writes, which a host's own families may not take. */
  static final Set<String> NAMES = Set.of(OPEN, ALERTS, READ_AT);

  /** Labels the series set itself; an incident label of the same name is left out. */
  private static final Set<String> OWN_LABELS =
      Set.of("alertname", "instance", "severity", "state");

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private IncidentExposition() {}

  /** The series of {@code unresolved}, read from the incident store at {@code readAt}. */
  static byte[] render(List<Incident> unresolved, Instant readAt) {
    StringBuilder out = new StringBuilder(256 + 160 * unresolved.size());
    header(out, OPEN, "Incidents open or acknowledged, by severity.");
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    unresolved.forEach(i -> counts.merge(i.severity(), 1, Integer::sum));
    counts.forEach(
        (severity, n) ->
            out.append(OPEN)
                .append("{severity=\"")
                .append(severity.label())
                .append("\"} ")
                .append(n)
                .append('\n'));
    if (!unresolved.isEmpty()) {
      header(out, ALERTS, "One series per open or acknowledged incident, like ALERTS.");
      Set<String> written = new HashSet<>();
      for (Incident incident : unresolved) {
        String series = series(incident);
        // Two incidents can only look alike when labels were left out; one series is enough.
        if (written.add(series)) {
          out.append(series).append(" 1\n");
        }
      }
    }
    header(out, READ_AT, "When the incident series were last read from the incident store.");
    out.append(READ_AT).append(' ');
    out.append(BigDecimal.valueOf(readAt.toEpochMilli(), 3).toPlainString()).append('\n');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String series(Incident incident) {
    StringBuilder out = new StringBuilder(ALERTS).append('{');
    label(out, "alertname", incident.key().rule());
    label(out.append(','), "instance", incident.key().host());
    label(out.append(','), "severity", incident.severity().label());
    label(out.append(','), "state", state(incident.state()));
    incident
        .key()
        .labels()
        .forEach(
            (name, value) -> {
              if (!OWN_LABELS.contains(name)
                  && !name.startsWith("__")
                  && LABEL_NAME.matcher(name).matches()) {
                label(out.append(','), name, value);
              }
            });
    return out.append('}').toString();
  }

  private static String state(IncidentState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static void label(StringBuilder out, String name, String value) {
    out.append(name).append("=\"");
    LabelText.appendEscapedValue(out, value);
    out.append('"');
  }

  private static void header(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
  }
}
