package dev.vigil.agent.collector.procfs;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole procfs or sysfs file into one grow-only buffer, so a collector reading the same
 * files every tick does not allocate a new array (or a String) per read.
 */
public final class TextFileReader {
  private byte[] buffer;
  private int length;

  /**
   * A reader whose buffer starts at {@code initialCapacity} bytes and doubles when a file needs it.
   */
  public TextFileReader(int initialCapacity) {
    this.buffer = new byte[initialCapacity];
  }

  /**
   * Reads {@code file} from its start to its end, replacing what the buffer held. procfs files
   * report a size of 0, so the file is read until end of file rather than by its size.
   *
   * @return the number of bytes read, also {@link #length()}
   */
  public int read(Path file) throws IOException {
    length = 0;
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      int n;
      while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
        length += n;
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
      }
    }
    return length;
  }

  /** The buffer holding the last file read, valid up to {@link #length()}. */
  public byte[] buffer() {
    return buffer;
  }

  /** How many bytes of {@link #buffer()} the last read filled. */
  public int length() {
    return length;
  }
}
