package dev.vigil.agent.spool;

import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.util.List;

/** The spool's own state as agent self metrics, sent with every tick. */
public final class SpoolMetrics {
  static final Metric BYTES =
      Metric.gauge("vigil_agent_spool_bytes", "vigil_agent: Bytes of the spool's segment files.");
  static final Metric BACKLOG =
      Metric.gauge(
          "vigil_agent_spool_backlog_batches",
          "vigil_agent: Batches spooled and not yet acknowledged by the collector.");
  static final Metric DROPPED =
      Metric.counter(
          "vigil_agent_spool_dropped_batches_total",
          "vigil_agent: Unsent batches dropped, oldest first, because the spool was full.");
  static final Metric CORRUPT =
      Metric.counter(
          "vigil_agent_spool_corrupt_records_total",
          "vigil_agent: Spool records found damaged, or undecodable because of damage, and skipped.");
  static final Metric ACKED =
      Metric.gauge(
          "vigil_agent_spool_acked_seq",
          "vigil_agent: Highest batch seq the collector acknowledged.");

  private SpoolMetrics() {}

  /** The current values; counters count since the agent started. */
  public static List<Sample> samples(Spool spool) {
    SampleList out = new SampleList();
    long acked = spool.ackedSeq();
    out.add(BYTES, spool.bytes());
    out.add(BACKLOG, spool.backlog(acked));
    out.add(DROPPED, spool.droppedBatches());
    out.add(CORRUPT, spool.corruptRecords());
    out.add(ACKED, acked);
    return out.samples();
  }
}
