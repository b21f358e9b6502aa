package dev.vigil.collector.incident;

import java.util.Objects;

/**
 * An alert that has started firing, as the rule evaluator hands it over.
 *
 * @param key host, rule and labels
 * @param severity from the rule's {@code severity} label
 * @param summary the rule's {@code summary} annotation, or empty
 * @param runbookUrl the rule's {@code runbook_url} annotation (the team's knowledge base), or empty
 */
public record FiringAlert(IncidentKey key, Severity severity, String summary, String runbookUrl) {
  public FiringAlert {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(runbookUrl, "runbookUrl");
  }
}
