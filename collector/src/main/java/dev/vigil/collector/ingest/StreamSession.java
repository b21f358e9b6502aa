package dev.vigil.collector.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Hello;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * The collector's side of one agent stream: who is speaking, which epoch, and how the stream's
 * series ids map onto the host's slots.
 *
 * <p>Frames of one stream arrive on one thread, one at a time, so the session needs no locking.
 * Batches take the allocation-free path through {@link BatchDecoder}; everything else is cold.
 */
public final class StreamSession {
  private final SeriesStore store;
  private final IngestLimits limits;
  private final IngestMetrics metrics;
  private final LongSupplier clock;
  private final StreamCatalog catalog;
  private final StreamCatchUp catchUp;
  private final BatchListener listener;

  private HostState host;
  private boolean saidGoodbye;

  /**
   * @param pacer the fleet-wide catch-up budget this stream takes a share of while replaying
   * @param listener told about every applied batch and about the host's claim and release (the
   *     fleet's recorder in front of the rule engine)
   * @param clock wall-clock milliseconds, for the host's last-seen time
   */
  public StreamSession(
      SeriesStore store,
      IngestLimits limits,
      IngestMetrics metrics,
      CatchUpPacer pacer,
      BatchListener listener,
      LongSupplier clock) {
    this.store = store;
    this.limits = limits;
    this.metrics = metrics;
    this.clock = clock;
    this.catalog = new StreamCatalog(limits);
    this.catchUp = new StreamCatchUp(pacer);
    this.listener = listener;
  }

  /**
   * Handles one encoded frame.
   *
   * @return the seq to acknowledge, or 0 when the frame calls for no acknowledgement
   * @throws StreamException when the stream must end; nothing of the frame has been applied
   */
  public long onFrame(BatchDecoder decoder, byte[] frame, int length) throws StreamException {
    if (decoder.wrap(frame, 0, length) == BatchDecoder.BATCH) {
      return onBatch(decoder);
    }
    onColdFrame(parse(frame, length));
    return 0;
  }

  private long onBatch(BatchDecoder batch) throws StreamException {
    HostState h = requireOwnedHost("Batch");
    if (batch.epoch() != catalog.epoch()) {
      throw protocol(
          "Batch epoch " + batch.epoch() + " but the stream is in epoch " + catalog.epoch());
    }
    if (batch.seq() <= 0 || batch.timestampMillis() <= 0) {
      throw protocol("Batch needs a positive seq and timestamp_ms");
    }
    batch.checkSeriesIds(catalog.seriesCount());
    h.seen(clock.getAsLong());
    catchUp.batchReceived();
    long applied = h.lastAppliedSeq();
    if (batch.seq() <= applied) {
      metrics.replayedBatches.increment();
      return applied;
    }
    SeriesSlots slots = h.slots();
    batch.applyTo(catalog.slotOf(), slots.values(), slots.updatedAtMillis());
    h.applied(batch.seq());
    metrics.batches.increment();
    metrics.samples.add(batch.count());
    listener.onBatch(h, batch.timestampMillis(), catchUp.catchingUp());
    return batch.seq();
  }

  private static AgentFrame parse(byte[] frame, int length) throws StreamException {
    try {
      return AgentFrame.parseFrom(ByteBuffer.wrap(frame, 0, length));
    } catch (InvalidProtocolBufferException e) {
      throw new StreamException(IngestError.MALFORMED, "invalid frame: " + e.getMessage());
    }
  }

  private void onColdFrame(AgentFrame frame) throws StreamException {
    switch (frame.getFrameCase()) {
      case HELLO -> onHello(frame.getHello());
      case CATALOG -> catalog.apply(frame.getCatalog(), requireOwnedHost("Catalog"));
      case GOODBYE -> {
        requireOwnedHost("Goodbye");
        saidGoodbye = true;
      }
      default -> throw protocol("frame carries no known member");
    }
    if (host != null) {
      host.seen(clock.getAsLong());
    }
  }

  private void onHello(Hello hello) throws StreamException {
    if (host != null) {
      throw protocol("Hello may only be the first frame of a stream");
    }
    String name = hello.getHostName();
    if (name.isEmpty()) {
      throw protocol("Hello.host_name is empty");
    }
    catalog.checkLength("Hello.host_name", name);
    if (hello.getLabelsCount() > IngestLimits.MAX_HOST_LABELS) {
      throw new StreamException(
          IngestError.LIMIT,
          "Hello has "
              + hello.getLabelsCount()
              + " labels; the limit is "
              + IngestLimits.MAX_HOST_LABELS);
    }
    for (var label : hello.getLabelsMap().entrySet()) {
      if (!StreamCatalog.LABEL_NAME.matcher(label.getKey()).matches()) {
        throw protocol("Hello label name \"" + label.getKey() + "\" is not a valid label name");
      }
      catalog.checkLength("Hello label " + label.getKey(), label.getValue());
    }
    catalog.startEpoch(hello.getEpoch());
    host = store.host(name);
    host.claim(
        this,
        new HostIdentity(
            hello.getAgentId(),
            hello.getAgentVersion(),
            hello.getBootId(),
            hello.getOs(),
            hello.getLabelsMap()),
        clock.getAsLong());
    listener.claimed(host, clock.getAsLong());
    catchUp.start(hello.getBacklogBatches());
  }

  private HostState requireOwnedHost(String frame) throws StreamException {
    if (host == null) {
      throw protocol(frame + " before Hello: the first frame of a stream must be Hello");
    }
    if (!host.ownedBy(this)) {
      throw new StreamException(
          IngestError.SUPERSEDED, "a newer stream of host " + host.name() + " took over");
    }
    return host;
  }

  /** The stream ended; a host left without Goodbye is now considered lost. */
  public void onClose() {
    catchUp.close();
    if (host != null && host.release(this, saidGoodbye)) {
      listener.released(host, saidGoodbye, clock.getAsLong());
    }
  }

  /**
   * The catch-up rate (batches per second) to tell the agent after the last frame, or -1 when its
   * last Pace still holds.
   */
  public int paceDue() {
    return catchUp.takeDue();
  }

  /** The host this stream speaks for, or null before Hello. */
  public HostState host() {
    return host;
  }

  static StreamException protocol(String description) {
    return new StreamException(IngestError.PROTOCOL, description);
  }
}
