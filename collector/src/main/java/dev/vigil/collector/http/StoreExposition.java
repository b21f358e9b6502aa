package dev.vigil.collector.http;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Streams the series store into Prometheus text format 0.0.4, straight from the store's arrays: the
 * fleet (every series with {@code instance} as its last label) or one host (without it, as service
 * discovery sets it), followed by each host's liveness. Creates no object per series.
 */
final class StoreExposition {
  static final String HOST_UP = "vigil_host_up";
  static final String HOST_LOST = "vigil_host_lost";
  static final String HOST_LAST_SEEN = "vigil_host_last_seen_timestamp_seconds";

  /** Names of the families this class writes itself, which a host's own families may not take. */
  static final Set<String> OWN_NAMES = Set.of(HOST_UP, HOST_LOST, HOST_LAST_SEEN);

  private static final byte[] HOST_UP_HEADER =
      header(
          HOST_UP, "Whether an agent stream currently delivers the host's series (1) or not (0).");
  private static final byte[] HOST_LOST_HEADER =
      header(
          HOST_LOST,
          "Whether the host's last agent stream ended without a Goodbye (1): lost, not shut down.");
  private static final byte[] HOST_LAST_SEEN_HEADER =
      header(HOST_LAST_SEEN, "When the collector last heard from the host's agent.");
  private static final byte[] HOST_UP_NAME = HOST_UP.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HOST_LOST_NAME = HOST_LOST.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HOST_LAST_SEEN_NAME =
      HOST_LAST_SEEN.getBytes(StandardCharsets.US_ASCII);

  private static final FastThreadLocal<StoreExposition> PER_THREAD =
      new FastThreadLocal<>() {
        @Override
        protected StoreExposition initialValue() {
          return new StoreExposition();
        }
      };

  private final ExpositionWriter out = new ExpositionWriter();

  /** The instance owned by the calling thread; handlers run on several event loops. */
  static StoreExposition current() {
    return PER_THREAD.get();
  }

  /**
   * Every host's fresh series, families in name order, then every host's liveness; a host up on
   * another collector sharing the database is left out, since that collector serves it.
   *
   * @param freshSince series updated before this time (ms since the epoch) are stale and left out
   * @param taken family names already used elsewhere in the same exposition; such families are left
   *     out so that no name appears twice
   */
  void writeFleet(ByteBuf buffer, SeriesStore store, long freshSince, Set<String> taken) {
    out.wrap(buffer);
    HostState[] hosts = store.hosts();
    for (MetricFamily family : store.families()) {
      if (taken.contains(family.name())) {
        continue;
      }
      int start = buffer.writerIndex();
      out.bytes(family.headerBytes());
      int written = 0;
      for (HostState host : hosts) {
        if (!host.elsewhere()) {
          written += writeSeries(family, host, true, freshSince);
        }
      }
      if (written == 0) {
        buffer.writerIndex(start);
      }
    }
    if (hosts.length > 0) {
      writeLiveness(hosts, true);
    }
  }

  /** One host's fresh series and liveness, without the {@code instance} label. */
  void writeHost(ByteBuf buffer, SeriesStore store, HostState host, long freshSince) {
    out.wrap(buffer);
    for (MetricFamily family : store.families()) {
      if (OWN_NAMES.contains(family.name())) {
        continue;
      }
      int start = buffer.writerIndex();
      out.bytes(family.headerBytes());
      if (writeSeries(family, host, false, freshSince) == 0) {
        buffer.writerIndex(start);
      }
    }
    writeLiveness(new HostState[] {host}, false);
  }

  private int writeSeries(MetricFamily family, HostState host, boolean instance, long freshSince) {
    SeriesSlots slots = host.slots();
    int[] members = slots.slotsOf(family.id());
    if (members == null) {
      return 0;
    }
    long[] updatedAt = slots.updatedAtMillis();
    double[] values = slots.values();
    int written = 0;
    for (int slot : members) {
      long at = updatedAt[slot];
      if (at == 0 || at < freshSince) {
        continue;
      }
      out.bytes(slots.text(slot));
      closeLabels(host, slots.hasLabels(slot), instance);
      out.value(values[slot]);
      out.ascii('\n');
      written++;
    }
    return written;
  }

  /** Ends a series' name and labels, adding {@code instance} last when asked, and the space. */
  private void closeLabels(HostState host, boolean hasLabels, boolean instance) {
    if (instance) {
      out.ascii(hasLabels ? ',' : '{');
      out.bytes(host.instanceLabel());
      out.ascii('}');
    } else if (hasLabels) {
      out.ascii('}');
    }
    out.ascii(' ');
  }

  private void writeLiveness(HostState[] hosts, boolean instance) {
    writeFlag(HOST_UP_HEADER, HOST_UP_NAME, hosts, instance, HostState::up);
    writeFlag(HOST_LOST_HEADER, HOST_LOST_NAME, hosts, instance, HostState::lost);
    out.bytes(HOST_LAST_SEEN_HEADER);
    for (HostState host : hosts) {
      if (host.elsewhere()) {
        continue;
      }
      out.bytes(HOST_LAST_SEEN_NAME);
      closeLabels(host, false, instance);
      out.millisAsSeconds(host.lastSeenMillis());
      out.ascii('\n');
    }
  }

  /** A 0/1 gauge per host; {@code flag} is a non-capturing method reference, made once. */
  private void writeFlag(
      byte[] header, byte[] name, HostState[] hosts, boolean instance, Predicate<HostState> flag) {
    out.bytes(header);
    for (HostState host : hosts) {
      if (host.elsewhere()) {
        continue;
      }
      out.bytes(name);
      closeLabels(host, false, instance);
      out.ascii(flag.test(host) ? '1' : '0');
      out.ascii('\n');
    }
  }

  private static byte[] header(String name, String help) {
    return ("# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
