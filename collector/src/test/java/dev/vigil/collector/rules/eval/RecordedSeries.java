package dev.vigil.collector.rules.eval;

import java.math.BigDecimal;
import java.util.TreeMap;

/**
 * One series of a recorded fleet: its labels and a sample (or none) at every 15 s step from time 0,
 * written both into a host's slots and as a promtool {@code input_series}.
 */
final class RecordedSeries {
  final String metric;
  final String[] labels;
  final String instance;
  final double[] values;
  final boolean[] present;
  int slot;

  RecordedSeries(String metric, String instance, String[] labels, int steps) {
    this.metric = metric;
    this.instance = instance;
    this.labels = labels;
    this.values = new double[steps];
    this.present = new boolean[steps];
  }

  void set(int step, double value) {
    values[step] = value;
    present[step] = true;
  }

  /** {@code metric{a="b",instance="h"}} with the labels sorted, as promtool reads a series. */
  String selector() {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      sorted.put(labels[i], labels[i + 1]);
    }
    sorted.put("instance", instance);
    StringBuilder out = new StringBuilder(metric).append('{');
    sorted.forEach((name, value) -> out.append(name).append("=\"").append(value).append("\","));
    out.setLength(out.length() - 1);
    return out.append('}').toString();
  }

  /** Appends this series as a promtool {@code input_series} entry. */
  void appendInputSeries(StringBuilder out) {
    out.append("      - series: '").append(selector()).append("'\n");
    out.append("        values: '").append(expanded()).append("'\n");
  }

  /**
   * The samples in promtool's expanding notation: {@code _xN} for N missing samples, {@code vxN}
   * for a value repeated N more times, every value written exactly.
   */
  String expanded() {
    StringBuilder out = new StringBuilder();
    int step = 0;
    while (step < values.length) {
      int run = runLength(step);
      if (out.length() > 0) {
        out.append(' ');
      }
      if (!present[step]) {
        out.append(run == 1 ? "_" : "_x" + run);
      } else {
        out.append(exact(values[step]));
        if (run > 1) {
          out.append('x').append(run - 1);
        }
      }
      step += run;
    }
    return out.toString();
  }

  private int runLength(int from) {
    int end = from + 1;
    while (end < values.length
        && present[end] == present[from]
        && (!present[from] || values[end] == values[from])) {
      end++;
    }
    return end - from;
  }

  /**
   * The decimal expansion of a double, which every correct parser (Go's {@code strconv.ParseFloat}
   * included) reads back as the same double; infinities as YAML spells them.
   */
  static String exact(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    return new BigDecimal(value).toPlainString();
  }
}
