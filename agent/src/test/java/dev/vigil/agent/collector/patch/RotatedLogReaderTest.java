package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatedLogReaderTest {

  @TempDir Path logDir;

  @Test
  void shouldReadRotatedGzipLogsWhenTheCurrentLogHasNoSuccessfulInstall() throws IOException {
    copy("history.log", logDir.resolve("history.log"));
    gzip("history.log.1", logDir.resolve("history.log.1.gz"));
    gzip("history.log.2", logDir.resolve("history.log.2.gz"));
    Files.writeString(logDir.resolve("term.log"), "Log started: 2024-07-01  10:00:00\n");

    RotatedLogReader reader = new RotatedLogReader(logDir, "history.log");

    assertEquals(
        Optional.of(Instant.parse("2024-05-20T06:25:31Z")),
        reader.newest(log -> AptHistoryParser.lastInstall(log, ZoneOffset.UTC)));
  }

  @Test
  void shouldOrderTheCurrentLogFirstThenRotationsByNumber() throws IOException {
    for (String name :
        List.of("history.log.10.gz", "history.log.2.gz", "history.log.1", "dpkg.log.1")) {
      Files.writeString(logDir.resolve(name), "");
    }
    Files.writeString(logDir.resolve("history.log"), "");

    List<Path> files = new RotatedLogReader(logDir, "history.log").newestFirst();

    assertEquals(
        List.of("history.log", "history.log.1", "history.log.2.gz", "history.log.10.gz"),
        files.stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void shouldFindNothingWhenThereIsNoLog() throws IOException {
    RotatedLogReader reader = new RotatedLogReader(logDir.resolve("missing"), "history.log");

    assertEquals(
        Optional.empty(), reader.newest(log -> AptHistoryParser.lastInstall(log, ZoneOffset.UTC)));
  }

  private static void copy(String fixture, Path target) throws IOException {
    try (InputStream in = Fixtures.open(fixture)) {
      Files.copy(in, target);
    }
  }

  private static void gzip(String fixture, Path target) throws IOException {
    try (InputStream in = Fixtures.open(fixture);
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      in.transferTo(out);
    }
  }
}
