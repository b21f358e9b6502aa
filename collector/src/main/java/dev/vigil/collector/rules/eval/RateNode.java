package dev.vigil.collector.rules.eval;

import java.util.List;
import java.util.SortedMap;

/**
 * {@code rate(counter[range])} or {@code increase(counter[range])} per series, computed as
 * Prometheus 2.42's {@code extrapolatedRate} does: the samples at or after {@code t - range} and at
 * or before {@code t}, corrected for counter resets, extrapolated towards the window's edges.
 */
final class RateNode extends VectorNode {
  private final SampleWindow[] windows;
  private final long rangeMillis;
  private final boolean perSecond;

  /**
   * @param perSecond {@code rate} (true) or {@code increase}
   */
  RateNode(
      SampleWindow[] windows,
      long rangeMillis,
      boolean perSecond,
      List<SortedMap<String, String>> series) {
    super(series);
    this.windows = windows;
    this.rangeMillis = rangeMillis;
    this.perSecond = perSecond;
  }

  @Override
  public void evaluate(long atMillis) {
    long rangeStart = atMillis - rangeMillis;
    for (int i = 0; i < windows.length; i++) {
      SampleWindow window = windows[i];
      int first = window.firstAtOrAfter(rangeStart);
      int end = window.endAtOrBefore(atMillis);
      // Fewer than two samples give no slope: Prometheus drops the series.
      present[i] = end - first >= 2;
      if (present[i]) {
        values[i] = extrapolated(window, first, end - 1, rangeStart, atMillis);
      }
    }
  }

  private double extrapolated(SampleWindow w, int first, int last, long rangeStart, long rangeEnd) {
    double firstValue = w.value(first);
    double result = w.value(last) - firstValue;
    double previous = firstValue;
    for (int i = first + 1; i <= last; i++) {
      double current = w.value(i);
      if (current < previous) {
        result += previous;
      }
      previous = current;
    }
    double durationToStart = (w.time(first) - rangeStart) / 1000.0;
    double durationToEnd = (rangeEnd - w.time(last)) / 1000.0;
    double sampledInterval = (w.time(last) - w.time(first)) / 1000.0;
    double averageInterval = sampledInterval / (last - first);
    if (result > 0 && firstValue >= 0) {
      // A counter starts at zero: extrapolate no further back than where the slope reaches it.
      double durationToZero = sampledInterval * (firstValue / result);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    double threshold = averageInterval * 1.1;
    double interval = sampledInterval;
    interval += durationToStart < threshold ? durationToStart : averageInterval / 2;
    interval += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
    double factor = interval / sampledInterval;
    if (perSecond) {
      factor /= rangeMillis / 1000.0;
    }
    return result * factor;
  }
}
