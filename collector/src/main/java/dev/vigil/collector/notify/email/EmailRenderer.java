package dev.vigil.collector.notify.email;

import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.NotificationStatus;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a notification as an email's subject and plain-text body. The runbook comes right after
 * the summary and description, since it is what the person paged needs first.
 */
final class EmailRenderer {
  private EmailRenderer() {}

  static String subject(Notification n) {
    String state = n.status() == NotificationStatus.FIRING ? "FIRING" : "RESOLVED";
    String tier =
        n.status() == NotificationStatus.FIRING && n.tier() > 1 ? " tier " + n.tier() : "";
    String severity = n.severity().isEmpty() ? "" : " (" + n.severity() + ")";
    return "[" + state + tier + "] " + n.alertname() + " on " + n.host() + severity;
  }

  static String body(Notification n) {
    StringBuilder text = new StringBuilder();
    paragraph(text, n.summary());
    paragraph(text, n.description());
    text.append("Runbook: ")
        .append(n.runbookUrl().isEmpty() ? "none given" : n.runbookUrl())
        .append("\n\n");
    field(text, "Status", n.status().word() + " (escalation tier " + n.tier() + ")");
    field(text, "Host", n.host());
    field(text, "Alert", n.alertname());
    field(text, "Severity", n.severity());
    field(text, "Started", n.startsAt().toString());
    n.endsAt().ifPresent(end -> field(text, "Ended", end.toString()));
    field(text, "Incident", n.incidentId());
    for (Map.Entry<String, String> label : new TreeMap<>(n.labels()).entrySet()) {
      field(text, "Label " + label.getKey(), label.getValue());
    }
    return text.toString();
  }

  private static void paragraph(StringBuilder text, String paragraph) {
    if (!paragraph.isBlank()) {
      text.append(paragraph.strip()).append("\n\n");
    }
  }

  private static void field(StringBuilder text, String name, String value) {
    text.append(name).append(": ").append(value).append('\n');
  }
}
