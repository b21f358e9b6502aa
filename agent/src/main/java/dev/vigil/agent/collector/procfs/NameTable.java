package dev.vigil.agent.collector.procfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns device names parsed out of a byte buffer into Strings, returning the same String for the
 * same bytes tick after tick, so reading {@code eth0} again allocates nothing. Bounded: a host that
 * churns through more names (hot-plugged disks, container veths) starts the table afresh.
 */
public final class NameTable {
  static final int MAX_NAMES = 256;

  private final List<byte[]> bytes = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  /** The name spelled by {@code buffer[from, to)}, decoded as UTF-8 the first time it is seen. */
  public String name(byte[] buffer, int from, int to) {
    for (int i = 0; i < bytes.size(); i++) {
      if (equal(bytes.get(i), buffer, from, to)) {
        return names.get(i);
      }
    }
    if (names.size() == MAX_NAMES) {
      bytes.clear();
      names.clear();
    }
    String name = new String(buffer, from, to - from, StandardCharsets.UTF_8);
    bytes.add(Arrays.copyOfRange(buffer, from, to));
    names.add(name);
    return name;
  }

  private static boolean equal(byte[] known, byte[] buffer, int from, int to) {
    return Arrays.equals(known, 0, known.length, buffer, from, to);
  }
}
