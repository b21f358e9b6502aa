package dev.vigil.agent.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sink that keeps readings in the order they were added. */
public final class SampleList implements MetricSink {
  private final List<Sample> samples = new ArrayList<>();

  @Override
  public void add(Metric metric, double value, String... labelPairs) {
    samples.add(new Sample(metric, Labels.of(labelPairs), value));
  }

  /** Appends readings gathered elsewhere. */
  public void addAll(List<Sample> more) {
    samples.addAll(more);
  }

  /** The readings so far, read-only. */
  public List<Sample> samples() {
    return Collections.unmodifiableList(samples);
  }
}
