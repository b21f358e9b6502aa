package dev.vigil.bench;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.PagingHistory;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the escalation timer reads from the incident store every second, over a real SQLite file or
 * a real PostgreSQL (a schema of its own in the database {@code VIGIL_BENCH_POSTGRES_URL} names, by
 * default the one {@code .ci/postgres-test-db} sets up, over loopback) holding {@code incidents}
 * open incidents (of 100 hosts), each opened, escalated to tier 2 and commented on, as during an
 * outage that nobody has acknowledged yet.
 *
 * <ul>
 *   <li>{@code timelinePerIncident}: the reads of a pass before {@code openWithPaging}: every
 *       unresolved incident, then the timeline of each open one to see where its paging stands;
 *   <li>{@code openWithPaging}: {@link IncidentStore#openWithPaging()}, one query for the same.
 * </ul>
 *
 * <p>Run:
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl bench -am
 * java -jar bench/target/benchmarks.jar EscalationReadBenchmark
 * </pre>
 *
 * <p>Results are in README.md, "Performance".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EscalationReadBenchmark {
  private static final String POSTGRES_URL =
      Optional.ofNullable(System.getenv("VIGIL_BENCH_POSTGRES_URL"))
          .orElse("jdbc:postgresql://127.0.0.1:5432/vigil_test?user=vigil&password=vigil");

  @Param({"100", "1000", "5000"})
  int incidents;

  @Param({"sqlite", "postgresql"})
  String database;

  private Path dir;
  private String schema;
  private IncidentStore store;

  @Setup(Level.Trial)
  public void start()
      throws IOException, InterruptedException, ExecutionException, TimeoutException, SQLException {
    dir = Files.createTempDirectory("vigil-bench");
    String location = dir.resolve("incidents.db").toString();
    if (database.equals("postgresql")) {
      schema = "bench_" + ProcessHandle.current().pid();
      postgres("CREATE SCHEMA " + schema);
      location =
          POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
    store =
        IncidentStore.open(
            location,
            Duration.ofMinutes(10),
            (incident, tier) -> List.of("tier-" + tier),
            Clock.systemUTC());
    for (int i = 0; i < incidents; i++) {
      IncidentKey key =
          IncidentKey.of(
              "host-" + (i % 100), "DiskFull", Map.of("mountpoint", "/data" + i, "team", "ops"));
      Incident incident =
          store.raise(new FiringAlert(key, Severity.WARNING, "", "")).get(60, TimeUnit.SECONDS);
      store.escalate(incident.id(), 2).get(60, TimeUnit.SECONDS);
      store.comment(incident.id(), "ana", "looking").get(60, TimeUnit.SECONDS);
    }
    if (timelinePerIncident() != incidents || openWithPaging() != incidents) {
      throw new IllegalStateException("the store does not hold " + incidents + " open incidents");
    }
  }

  @Benchmark
  public int timelinePerIncident() {
    int paging = 0;
    for (Incident incident : store.unresolved()) {
      if (incident.state() == IncidentState.OPEN
          && !PagingHistory.of(store.timeline(incident.id())).held()) {
        paging++;
      }
    }
    return paging;
  }

  @Benchmark
  public int openWithPaging() {
    return (int) store.openWithPaging().stream().filter(o -> !o.paging().held()).count();
  }

  private static void postgres(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES_URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException, SQLException {
    store.close();
    if (schema != null) {
      postgres("DROP SCHEMA " + schema + " CASCADE");
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
