package dev.vigil.collector.rules.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Prometheus templates rule files put in annotations, for the cases they use: {@code {{
 * $labels.name }}}, {@code {{ $value }}}, and either piped through {@code humanize}, {@code
 * humanizePercentage} or {@code humanizeDuration}. Any other action is left as written, so a
 * notification shows what the rule said rather than a guess; Prometheus, which evaluates the same
 * file, renders it fully.
 */
final class AnnotationTemplate {
  private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern LABEL = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");

  private AnnotationTemplate() {}

  /**
   * @param labels the alert's labels, {@code instance} included
   * @param value the alert's value
   */
  static String render(String text, Map<String, String> labels, double value) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher action = ACTION.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (action.find()) {
      String rendered = action(action.group(1), labels, value);
      action.appendReplacement(
          out, Matcher.quoteReplacement(rendered != null ? rendered : action.group()));
    }
    action.appendTail(out);
    return out.toString();
  }

  /** One action's output, or null when it is not one of the supported forms. */
  private static String action(String pipeline, Map<String, String> labels, double value) {
    String[] stages = pipeline.split("\\|", -1);
    String operand = stages[0].strip();
    if (stages.length == 1) {
      return operand(operand, labels, value);
    }
    if (stages.length > 2) {
      return null;
    }
    Double number = number(operand, labels, value);
    if (number == null) {
      return null;
    }
    return switch (stages[1].strip()) {
      case "humanize" -> GoNumbers.humanize(number);
      case "humanizePercentage" -> GoNumbers.humanizePercentage(number);
      case "humanizeDuration" -> GoNumbers.humanizeDuration(number);
      default -> null;
    };
  }

  private static String operand(String operand, Map<String, String> labels, double value) {
    if (operand.equals("$value")) {
      return GoNumbers.value(value);
    }
    Matcher label = LABEL.matcher(operand);
    if (label.matches()) {
      // Prometheus renders with missingkey=zero: an absent label is an empty string.
      return labels.getOrDefault(label.group(1), "");
    }
    return null;
  }

  /** The operand as the number a humanize function reads, or null. */
  private static Double number(String operand, Map<String, String> labels, double value) {
    if (operand.equals("$value")) {
      return value;
    }
    Matcher label = LABEL.matcher(operand);
    if (!label.matches() || !labels.containsKey(label.group(1))) {
      return null;
    }
    try {
      return Double.parseDouble(labels.get(label.group(1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
