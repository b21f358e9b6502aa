package dev.vigil.agent.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileReaderTest {
  @TempDir Path dir;

  private String text(TextFileReader reader) {
    return new String(reader.buffer(), 0, reader.length(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldGrowForALongFileAndKeepTheBufferForShorterOnes() throws IOException {
    Path file = Files.writeString(dir.resolve("long"), "x".repeat(100));
    Path small = Files.writeString(dir.resolve("small"), "up\n");
    TextFileReader reader = new TextFileReader(8);

    assertEquals(100, reader.read(file));
    assertEquals("x".repeat(100), text(reader));
    byte[] grown = reader.buffer();
    reader.read(small);

    assertEquals("up\n", text(reader));
    assertSame(grown, reader.buffer());
  }

  @Test
  void shouldReadProcfsFilesWhoseSizeIsZero() throws IOException {
    Path stat = Path.of("/proc/self/stat");
    assertEquals(0, Files.size(stat));

    assertTrue(new TextFileReader(16).read(stat) > 16);
  }

  @Test
  void shouldFailOnAMissingFile() {
    assertThrows(IOException.class, () -> new TextFileReader(8).read(dir.resolve("gone")));
  }
}
