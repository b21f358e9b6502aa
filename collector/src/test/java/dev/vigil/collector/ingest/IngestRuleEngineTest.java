package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.RuleGroup;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.engine.EngineMetrics;
import dev.vigil.collector.rules.engine.FakeCompiler;
import dev.vigil.collector.rules.engine.FakeVector;
import dev.vigil.collector.rules.engine.RecordingSink;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.rules.promql.ExprParser;
import dev.vigil.collector.store.SeriesStore;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine behind a real gRPC ingest server on loopback: batches of a backlog are evaluated
 * without telling anyone, the batch that completes the backlog reconciles, live batches tell at
 * once. The compiled rule is a test double.
 */
class IngestRuleEngineTest {
  @Test
  void shouldEvaluateEveryAppliedBatchAndTellOnlyOnceCaughtUp() throws Exception {
    FakeVector load = FakeVector.of(Map.of("instance", "alpha"));
    FakeCompiler compiler = new FakeCompiler().expr("Load", load);
    RecordingSink sink = new RecordingSink();
    EngineMetrics metrics = new EngineMetrics();
    RuleSet rules =
        new RuleSet(
            List.of(new RuleGroup("g", Optional.empty(), List.of(load()), Path.of("g.yml"))));
    RuleEngine engine =
        new RuleEngine(() -> rules, compiler, sink, List.of(), metrics, System::currentTimeMillis);
    CollectorConfig config =
        CollectorConfig.parse()
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    SeriesStore store = new SeriesStore(100);
    try (IngestServer server =
        IngestServer.start(config, store, new IngestMetrics(), engine, System::currentTimeMillis)) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress(server.address()).usePlaintext().build();
      try {
        load.set(0, 9);
        RawStream agent =
            RawStream.open(
                channel,
                Frames.helloWithBacklog("alpha", 2),
                Frames.cpuCatalog(1),
                Frames.denseBatch(1, 9));
        assertEquals(1, agent.nextAck());
        assertEquals(List.of(), sink.take(), "the first batch of the backlog tells nothing");

        agent.send(Frames.denseBatch(2, 9));
        assertEquals(2, agent.nextAck());
        assertEquals(List.of("raise alpha/Load{}"), sink.take());

        load.absent(0);
        agent.send(Frames.denseBatch(3, 1));
        assertEquals(3, agent.nextAck());
        assertEquals(List.of("clear alpha/Load{}"), sink.take());
        assertEquals(1_700_000_000_003L, load.lastEvaluatedAt(), "at the batch's timestamp");
        assertEquals(3, metrics.evaluations());
        agent.finish();
        agent.awaitClose();
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static Rule load() throws Exception {
    String text = "node_load1 > 4";
    return new Rule(
        "Load",
        ExprParser.parse(text),
        text,
        Duration.ZERO,
        Duration.ZERO,
        Optional.empty(),
        Map.of("severity", "warning"),
        Map.of(),
        "g.yml:3:7");
  }
}
