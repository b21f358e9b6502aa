package dev.vigil.agent.exposition;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes samples in the Prometheus text format 0.0.4: one HELP and TYPE header per family, the
 * family's samples grouped under it in first-seen order, no timestamps and no instance label.
 */
public final class PrometheusTextWriter {
  /** Below this magnitude an integral double is exactly a long, so it prints without exponent. */
  private static final double LONG_SAFE = 0x1p62;

  private PrometheusTextWriter() {}

  /** Writes {@code samples} to {@code out}. */
  public static void write(List<Sample> samples, Appendable out) throws IOException {
    for (List<Sample> family : groupByFamily(samples).values()) {
      writeFamily(family, out);
    }
  }

  private static Map<String, List<Sample>> groupByFamily(List<Sample> samples) {
    Map<String, List<Sample>> families = new LinkedHashMap<>();
    for (Sample sample : samples) {
      families.computeIfAbsent(sample.metric().name(), name -> new ArrayList<>()).add(sample);
    }
    return families;
  }

  private static void writeFamily(List<Sample> family, Appendable out) throws IOException {
    Metric metric = family.get(0).metric();
    out.append("# HELP ").append(metric.name()).append(' ').append(escapeHelp(metric.help()));
    out.append('\n');
    out.append("# TYPE ").append(metric.name()).append(' ');
    out.append(metric.type().name().toLowerCase(Locale.ROOT)).append('\n');
    for (Sample sample : family) {
      out.append(metric.name());
      writeLabels(sample.labels(), out);
      out.append(' ').append(formatValue(sample.value())).append('\n');
    }
  }

  private static void writeLabels(Labels labels, Appendable out) throws IOException {
    if (labels.size() == 0) {
      return;
    }
    out.append('{');
    for (int i = 0; i < labels.size(); i++) {
      out.append(i == 0 ? "" : ",").append(labels.name(i)).append("=\"");
      out.append(escapeLabelValue(labels.value(i))).append('"');
    }
    out.append('}');
  }

  /** Formats a value as Prometheus parses it: +Inf, -Inf, NaN, integers without exponent. */
  static String formatValue(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value)) {
      return Math.abs(value) < LONG_SAFE
          ? Long.toString((long) value)
          : new BigDecimal(value).toPlainString();
    }
    return Double.toString(value);
  }

  static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  static String escapeLabelValue(String value) {
    return escapeHelp(value).replace("\"", "\\\"");
  }
}
