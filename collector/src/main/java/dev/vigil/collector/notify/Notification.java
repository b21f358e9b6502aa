package dev.vigil.collector.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One notice about one incident for one receiver: what fires where, how bad, which line of support
 * it reached ({@code tier}, 1 for the first step of the escalation policy) and, once resolved, when
 * it ended. Labels and annotations are those of the incident's rule; {@code alertname}, {@code
 * instance} and {@code severity} are fields of their own so that no receiver has to dig for them.
 *
 * @param incidentId the incident store's id, stable for the incident's life
 * @param dedupeKey the incident's dedupe key (host, rule, labels)
 * @param host the host the incident is about: Prometheus' {@code instance}
 * @param alertname the rule's {@code alert}
 * @param labels the rule's and series' labels, without alertname, instance and severity
 * @param annotations the rule's annotations ({@code summary}, {@code description}, {@code
 *     runbook_url} and any others)
 * @param severity the incident's severity, e.g. {@code critical}
 * @param status firing or resolved
 * @param tier the escalation step that sends it, from 1; a resolved notice carries the highest tier
 *     that was told
 * @param startsAt when the incident opened
 * @param endsAt when it resolved; present exactly when {@code status} is resolved
 */
public record Notification(
    String incidentId,
    String dedupeKey,
    String host,
    String alertname,
    Map<String, String> labels,
    Map<String, String> annotations,
    String severity,
    NotificationStatus status,
    int tier,
    Instant startsAt,
    Optional<Instant> endsAt) {

  /** Annotation naming the incident's summary line. */
  public static final String SUMMARY = "summary";

  /** Annotation naming the incident's longer description. */
  public static final String DESCRIPTION = "description";

  /** Annotation naming the runbook: the team's knowledge base page for this alert. */
  public static final String RUNBOOK_URL = "runbook_url";

  /** Copies the maps and checks that {@code endsAt} goes with a resolved status. */
  public Notification {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(alertname, "alertname");
    Objects.requireNonNull(severity, "severity (empty when the rule sets none)");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startsAt, "startsAt");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    if (tier < 1) {
      throw new IllegalArgumentException("tier must be at least 1, got " + tier);
    }
    if (endsAt.isPresent() != (status == NotificationStatus.RESOLVED)) {
      throw new IllegalArgumentException(
          "endsAt must be given exactly for a resolved notification, got " + status);
    }
  }

  /** The {@code summary} annotation, or empty text. */
  public String summary() {
    return annotations.getOrDefault(SUMMARY, "");
  }

  /** The {@code description} annotation, or empty text. */
  public String description() {
    return annotations.getOrDefault(DESCRIPTION, "");
  }

  /** The {@code runbook_url} annotation, or empty text. */
  public String runbookUrl() {
    return annotations.getOrDefault(RUNBOOK_URL, "");
  }

  /** The same notification, resolved at {@code endedAt}. */
  public Notification resolved(Instant endedAt) {
    return new Notification(
        incidentId,
        dedupeKey,
        host,
        alertname,
        labels,
        annotations,
        severity,
        NotificationStatus.RESOLVED,
        tier,
        startsAt,
        Optional.of(endedAt));
  }
}
