package dev.vigil.collector.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Everything the collector knows about one host: identity from its Hello, liveness, the highest
 * batch seq applied, and its series in {@link SeriesSlots}.
 *
 * <p>Threading: one ingest stream at a time owns a host ({@link #claim(Object)}); only the owner
 * writes values and seq. Definitions are serialised on this object. Liveness fields are volatile so
 * that the exposition and the HTTP API read them from other threads.
 */
public final class HostState {
  private static final int INITIAL_CAPACITY = 64;

  private final String name;
  private final SeriesStore store;
  private final byte[] instanceLabel;
  private final SlotIndex slotByKey = new SlotIndex();
  private volatile SeriesSlots slots;

  private volatile Object owner;
  private volatile boolean up;
  private volatile boolean leftCleanly;
  private volatile boolean elsewhere;
  private volatile long lastSeenMillis;
  private volatile long lastAppliedSeq;
  private volatile HostIdentity identity = HostIdentity.UNKNOWN;

  HostState(String name, SeriesStore store) {
    this.name = name;
    this.store = store;
    StringBuilder label = new StringBuilder("instance=\"");
    LabelText.appendEscapedValue(label, name);
    this.instanceLabel = label.append('"').toString().getBytes(StandardCharsets.UTF_8);
    this.slots = new SeriesSlots(INITIAL_CAPACITY, 16);
  }

  /** The host name, also the {@code instance} label of its series. */
  public String name() {
    return name;
  }

  /** {@code instance="<name>"}, escaped, UTF-8. */
  public byte[] instanceLabel() {
    return instanceLabel;
  }

  /** The current generation of series arrays; re-read after every catalog. */
  public SeriesSlots slots() {
    return slots;
  }

  /**
   * Makes {@code stream} the owner of this host: a host reconnecting on a new stream supersedes the
   * old one (a laptop that changed networks leaves a half-open connection behind).
   */
  public synchronized void claim(Object stream, HostIdentity hello, long nowMillis) {
    owner = stream;
    identity = hello;
    leftCleanly = false;
    elsewhere = false;
    up = true;
    lastSeenMillis = nowMillis;
  }

  /**
   * Seeds a host the collector remembers from before it started: its identity and last-seen time as
   * recorded, not up, and shut down when its last stream ended with a Goodbye, else lost. A host a
   * stream has claimed meanwhile is left as the stream made it.
   */
  public synchronized void restore(HostIdentity recorded, long lastSeenMillis, boolean shutDown) {
    if (owner != null) {
      return;
    }
    identity = recorded;
    this.lastSeenMillis = lastSeenMillis;
    leftCleanly = shutDown;
  }

  /** Whether {@code stream} still owns this host. */
  public boolean ownedBy(Object stream) {
    return owner == stream;
  }

  /**
   * The owning stream ended; {@code clean} when the agent said Goodbye first.
   *
   * @return false when another stream had claimed the host meanwhile, which then keeps it
   */
  public synchronized boolean release(Object stream, boolean clean) {
    if (owner != stream) {
      return false;
    }
    owner = null;
    up = false;
    leftCleanly = clean;
    elsewhere = false;
    return true;
  }

  /**
   * Records whether a stream to another collector sharing the fleet table delivers the host (its
   * agent failed over there). While that holds and no stream here owns it, the host is neither up
   * here nor lost, so it opens no {@code HostOffline} here; a stream here, or its end, clears it.
   */
  public void upElsewhere(boolean elsewhere) {
    this.elsewhere = elsewhere;
  }

  /**
   * Returns the slot of a series, defining it on first sight. {@code labels} holds name/value pairs
   * whose names are valid and unique; their order does not matter.
   */
  public synchronized int define(
      String metric, MetricFamily.Type type, String help, String[] labels)
      throws SeriesRejectedException {
    String[] sorted = sortedPairs(labels);
    String key = key(metric, sorted);
    int known = slotByKey.get(key);
    if (known >= 0) {
      return known;
    }
    if (slotByKey.size() >= store.maxSeriesPerHost()) {
      throw new SeriesRejectedException(
          SeriesRejectedException.Reason.TOO_MANY_SERIES,
          "host "
              + name
              + " already has "
              + slotByKey.size()
              + " series, the limit; refused "
              + key);
    }
    MetricFamily family = store.family(metric, type, help);
    SeriesShape shape =
        store.shape(key, k -> new SeriesShape(k, sorted, seriesText(metric, sorted)));
    SeriesSlots current = slots;
    if (current.count() == current.capacity()) {
      current = current.grow(current.capacity() * 2);
      slots = current;
    }
    int slot = current.add(family.id(), shape.text(), shape.pairs());
    slotByKey.put(shape.key(), slot);
    return slot;
  }

  private static String[] sortedPairs(String[] labels) {
    int pairs = labels.length / 2;
    Integer[] order = new Integer[pairs];
    for (int i = 0; i < pairs; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> labels[2 * a].compareTo(labels[2 * b]));
    String[] sorted = new String[pairs * 2];
    for (int i = 0; i < pairs; i++) {
      sorted[2 * i] = labels[2 * order[i]];
      sorted[2 * i + 1] = labels[2 * order[i] + 1];
    }
    return sorted;
  }

  private static String key(String metric, String[] sorted) {
    StringBuilder key = new StringBuilder(metric);
    for (String part : sorted) {
      key.append('\0').append(part);
    }
    return key.toString();
  }

  private static byte[] seriesText(String metric, String[] sorted) {
    StringBuilder text = new StringBuilder(metric);
    for (int i = 0; i < sorted.length; i += 2) {
      text.append(i == 0 ? '{' : ',').append(sorted[i]).append("=\"");
      LabelText.appendEscapedValue(text, sorted[i + 1]);
      text.append('"');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a stream currently owns this host. */
  public boolean up() {
    return up;
  }

  /**
   * Whether the host's last stream ended without a Goodbye: the host is lost (crashed, unplugged,
   * cut off), not shut down. False while a stream owns it, here or on another collector.
   */
  public boolean lost() {
    return !up && !leftCleanly && !elsewhere;
  }

  /** Whether a stream to another collector delivers the host, and none here does. */
  public boolean elsewhere() {
    return !up && elsewhere;
  }

  /** Whether the last stream ended with a Goodbye (shut down or asleep, not lost). */
  public boolean leftCleanly() {
    return leftCleanly;
  }

  public long lastSeenMillis() {
    return lastSeenMillis;
  }

  /** Records that a frame arrived; called by the owning stream. */
  public void seen(long nowMillis) {
    lastSeenMillis = nowMillis;
  }

  /** Highest batch seq applied for this host, across streams; 0 before the first. */
  public long lastAppliedSeq() {
    return lastAppliedSeq;
  }

  /** Called by the owning stream after applying a batch. */
  public void applied(long seq) {
    lastAppliedSeq = seq;
  }

  /** What the host said about itself in its latest Hello. */
  public HostIdentity identity() {
    return identity;
  }
}
