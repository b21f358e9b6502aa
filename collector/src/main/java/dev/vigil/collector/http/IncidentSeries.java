package dev.vigil.collector.http;

import dev.vigil.collector.incident.Incident;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident series of {@code /metrics}, kept as a snapshot so that a scrape never waits on the
 * incident database: {@link #refresh()} reads the unresolved incidents and renders them, and a
 * scrape copies the latest rendering. Refreshed on a schedule rather than by the incident store's
 * writer, so that the snapshot also sees what other collectors sharing a PostgreSQL database
 * changed.
 */
final class IncidentSeries {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentSeries.class);

  /**
   * How often the snapshot is read: a dashboard sees an incident at most this late (plus its scrape
   * interval), for one cheap query of the unresolved incidents.
   */
  static final Duration PERIOD = Duration.ofSeconds(2);

  private final Supplier<List<Incident>> unresolved;
  private final LongSupplier clock;
  private volatile byte[] text = new byte[0];

  /**
   * @param unresolved reads the open and acknowledged incidents
   * @param clock wall-clock milliseconds, to stamp each reading
   */
  IncidentSeries(Supplier<List<Incident>> unresolved, LongSupplier clock) {
    this.unresolved = unresolved;
    this.clock = clock;
  }

  /**
   * Reads the incidents and replaces the snapshot; when the read fails, keeps the previous one (its
   * read timestamp then ages) and logs why.
   */
  void refresh() {
    try {
      text = IncidentExposition.render(unresolved.get(), Instant.ofEpochMilli(clock.getAsLong()));
    } catch (RuntimeException e) {
      LOG.warn("cannot read the incidents for /metrics; serving the previous reading", e);
    }
  }

  /** Appends the latest snapshot; nothing before the first successful {@link #refresh()}. */
  void writeTo(ByteBuf buffer) {
    buffer.writeBytes(text);
  }
}
