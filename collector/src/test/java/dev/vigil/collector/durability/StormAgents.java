package dev.vigil.collector.durability;

import dev.vigil.collector.ingest.Frames;
import dev.vigil.collector.ingest.RawStream;
import dev.vigil.proto.v1.Batch;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Agents of many hosts over real gRPC on loopback, each with one CPU temperature that the test puts
 * above or below {@link #THRESHOLD} batch by batch. Sequence numbers and timestamps keep rising
 * across reconnections, as a real agent's do; batches sent to a collector that died are not sent
 * again (a real agent would replay them from its spool).
 */
final class StormAgents {
  /** The rule fires above this temperature. */
  static final int THRESHOLD = 80;

  private static final double HOT = THRESHOLD + 10;
  private static final double COOL = THRESHOLD - 60;
  private static final List<String[]> SERIES =
      List.<String[]>of(new String[] {"node_hwmon_temp_celsius", "chip", "cpu", "sensor", "temp1"});

  private final long[] seq;
  private long lastTimestamp;
  private ManagedChannel channel;
  private RawStream[] streams;

  StormAgents(int hosts) {
    this.seq = new long[hosts];
  }

  static String host(int index) {
    return String.format("host-%02d", index);
  }

  /** Opens one stream per host to {@code ingest}: Hello, then a catalog from empty tables. */
  void connect(InetSocketAddress ingest) {
    channel = NettyChannelBuilder.forAddress(ingest).usePlaintext().build();
    streams = new RawStream[seq.length];
    for (int i = 0; i < seq.length; i++) {
      streams[i] =
          RawStream.open(channel, Frames.hello(host(i)), Frames.catalog(Frames.EPOCH, SERIES));
    }
  }

  /** Sends every host one batch, hot or cool as {@code hot} says, all at one timestamp. */
  void send(boolean[] hot) {
    long timestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
    lastTimestamp = timestamp;
    for (int i = 0; i < seq.length; i++) {
      Batch.Builder batch =
          Batch.newBuilder()
              .setEpoch(Frames.EPOCH)
              .setSeq(++seq[i])
              .setTimestampMs(timestamp)
              .addValues(hot[i] ? HOT : COOL);
      streams[i].send(Frames.frame(batch));
    }
  }

  /** Waits (at most 10 s per ack) until every host's last batch is acknowledged. */
  void awaitAcks() throws InterruptedException {
    for (int i = 0; i < seq.length; i++) {
      // Acks of the batches sent before the last arrive first; each wait is bounded.
      while (streams[i].nextAck() < seq[i]) {
        continue;
      }
    }
  }

  /** Drops every stream, as agents do when their collector is gone. */
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }
}
