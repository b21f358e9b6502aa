package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptRefreshReaderTest {
  private static final Instant SUCCESS = Instant.parse("2024-05-20T06:00:00Z");
  private static final Instant ATTEMPT = Instant.parse("2024-05-21T06:00:00Z");
  private static final Instant LISTS = Instant.parse("2024-05-22T06:00:00Z");

  @TempDir Path root;

  @Test
  void shouldPreferTheSuccessStampThenTheAttemptStampThenTheListsFolder() throws IOException {
    Path success = touch("var/lib/apt/periodic/update-success-stamp", SUCCESS);
    Path attempt = touch("var/lib/apt/periodic/update-stamp", ATTEMPT);
    touch("var/lib/apt/lists/partial", LISTS);
    AptRefreshReader reader = new AptRefreshReader(root);

    assertEquals(Optional.of(SUCCESS), reader.lastRefresh());
    Files.delete(success);
    assertEquals(Optional.of(ATTEMPT), reader.lastRefresh());
    Files.delete(attempt);
    assertEquals(Optional.of(LISTS), reader.lastRefresh());
  }

  @Test
  void shouldFindNothingWithoutAptFiles() throws IOException {
    assertEquals(Optional.empty(), new AptRefreshReader(root).lastRefresh());
  }

  private Path touch(String relative, Instant mtime) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    if (relative.endsWith("partial")) {
      Files.createDirectory(path);
    } else {
      Files.writeString(path, "");
    }
    Files.setLastModifiedTime(path, FileTime.from(mtime));
    return path;
  }
}
